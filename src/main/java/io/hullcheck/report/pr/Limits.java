package io.hullcheck.report.pr;

import java.nio.charset.StandardCharsets;

/**
 * GitHub's size limits and the one way texts are cut to them: at a line boundary, with a note that
 * says so. Limits are counted in UTF-8 bytes, which is never fewer than GitHub's characters.
 */
public final class Limits {
  /** Check-run {@code output.summary} and {@code output.text}. */
  public static final int CHECK_TEXT = 65535;

  /** Review and comment bodies. */
  public static final int COMMENT_BODY = 65536;

  /** Check-run title and annotation title. */
  public static final int TITLE = 255;

  /** Annotation message and raw details. */
  public static final int ANNOTATION_MESSAGE = 64 * 1024;

  private Limits() {}

  public static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * {@code text} if it fits in {@code maxBytes}, else its longest prefix of whole lines that fits
   * together with a trailing note naming what was cut.
   */
  public static String trim(String text, int maxBytes, String where) {
    if (utf8Length(text) <= maxBytes) {
      return text;
    }
    String[] lines = text.split("\n", -1);
    StringBuilder kept = new StringBuilder();
    int used = 0;
    int keptLines = 0;
    int reserve = 200 + utf8Length(where);
    for (String line : lines) {
      int len = utf8Length(line) + 1;
      if (used + len > maxBytes - reserve) {
        break;
      }
      kept.append(line).append('\n');
      used += len;
      keptLines++;
    }
    int cut = lines.length - keptLines;
    kept.append("\n> **Trimmed:** ")
        .append(cut)
        .append(" more lines did not fit GitHub's size limit; ")
        .append(where)
        .append('\n');
    return kept.toString();
  }

  /** {@code s} cut to {@code max} chars, ending with an ellipsis when cut. */
  public static String cut(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    return s.substring(0, max - 1) + "…";
  }
}
