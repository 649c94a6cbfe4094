package io.hullcheck.job;

import java.util.Map;
import java.util.Set;

/**
 * Fetches the few files a job reads from the commits it reviews, without cloning the repository.
 * Implemented with JGit ({@code io.hullcheck.github.JGitFetcher}): a shallow fetch of the commits'
 * trees without blobs where the server supports filters, then only the wanted blobs; a depth-1
 * fetch otherwise. Thread-safe: each call works in its own temporary repository, deleted before it
 * returns.
 */
public interface SourceFetcher {

  /**
   * Fetches {@code wanted} (commit sha → repository-relative {@code /}-separated paths).
   *
   * @param cloneUrl the repository URL, without credentials in it
   * @param credentials used through the git client's credentials provider, never in a URL or log
   * @throws FetchException when the server cannot be reached, refuses the credentials, or lacks a
   *     commit
   */
  FetchResult fetch(String cloneUrl, GitCredentials credentials, Map<String, Set<String>> wanted);
}
