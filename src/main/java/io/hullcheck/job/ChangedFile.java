package io.hullcheck.job;

/**
 * One file of a pull request's diff.
 *
 * @param path the path in the head commit (for {@link FileStatus#REMOVED}, the path that was
 *     removed)
 * @param previousPath the path in the base commit when renamed or copied, else null
 * @param patch the unified diff hunks ({@code @@ -a,b +c,d @@} lines and body) exactly as GitHub's
 *     {@code patch} field carries them, without the {@code diff --git}/{@code ---}/{@code +++}
 *     header; null when GitHub omits it (binary or too large), in which case no inline comment can
 *     be placed on the file
 */
public record ChangedFile(String path, String previousPath, FileStatus status, String patch) {

  /** The path of this file in the base commit, or null when it did not exist there. */
  public String basePath() {
    if (status == FileStatus.ADDED) {
      return null;
    }
    return previousPath != null ? previousPath : path;
  }

  /** Whether the head commit has this file. */
  public boolean inHead() {
    return status != FileStatus.REMOVED;
  }
}
