package io.hullcheck.job;

/**
 * One inline comment of a review. Always on the RIGHT side (suggestions apply only there).
 *
 * @param line the last line of the commented range, 1-based in the head version
 * @param startLine the first line of a multi-line range, strictly below {@code line} and in the
 *     same diff hunk, or null for a single-line comment
 */
public record ReviewComment(String path, int line, Integer startLine, String body) {
  public ReviewComment {
    if (startLine != null && startLine >= line) {
      throw new IllegalArgumentException(
          "start_line must be below line: " + startLine + " " + line);
    }
  }

  public String side() {
    return "RIGHT";
  }
}
