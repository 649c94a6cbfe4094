package io.hullcheck.job;

import java.util.List;

/**
 * The file names of one commit, read from its tree objects without fetching any blob.
 *
 * @param paths regular and executable files, repository-relative, {@code /}-separated, sorted;
 *     symbolic links and submodules are left out
 * @param truncated whether the listing stopped at its limit
 */
public record Listing(List<String> paths, boolean truncated) {
  public Listing {
    paths = List.copyOf(paths);
  }
}
