package io.hullcheck.job;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

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

  /**
   * Like {@link #fetch}, and also lists the files of the {@code listed} commits from their tree
   * objects (no blobs), at most {@code limit} paths each, and fetches the listed paths that {@code
   * alsoWanted} accepts as if they were wanted. A fetcher that cannot list returns no listings, and
   * the rules that need one then find nothing.
   */
  default FetchResult fetch(
      String cloneUrl, GitCredentials credentials, Map<String, Set<String>> wanted, Request list) {
    return fetch(cloneUrl, credentials, wanted);
  }

  /**
   * What to list besides the wanted paths.
   *
   * @param listed the commits whose file names to list
   * @param alsoWanted which listed paths to fetch too
   * @param limit the most paths listed per commit
   */
  record Request(Set<String> listed, Predicate<String> alsoWanted, int limit) {
    public Request {
      listed = Set.copyOf(listed);
    }
  }
}
