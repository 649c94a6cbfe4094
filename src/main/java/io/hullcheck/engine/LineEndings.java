package io.hullcheck.engine;

/**
 * The line-ending facts a fix must keep: which terminators a file uses and whether it ends with
 * one. A fix that writes {@code \n} into a CRLF file, or drops the final newline, is not offered.
 */
final class LineEndings {
  private LineEndings() {}

  static boolean kept(String before, String after) {
    Style b = Style.of(before);
    Style a = Style.of(after);
    if (b.finalNewline != a.finalNewline) {
      return false;
    }
    if (!b.crlf && !b.bareLf && !b.bareCr) {
      // A one-line file has no style yet; any single style is fine.
      return (a.crlf ? 1 : 0) + (a.bareLf ? 1 : 0) + (a.bareCr ? 1 : 0) <= 1;
    }
    return (b.bareLf || !a.bareLf) && (b.crlf || !a.crlf) && (b.bareCr || !a.bareCr);
  }

  private record Style(boolean crlf, boolean bareLf, boolean bareCr, boolean finalNewline) {
    static Style of(String s) {
      boolean crlf = false;
      boolean bareLf = false;
      boolean bareCr = false;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\n') {
          if (i > 0 && s.charAt(i - 1) == '\r') {
            crlf = true;
          } else {
            bareLf = true;
          }
        } else if (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n')) {
          bareCr = true;
        }
      }
      boolean finalNewline = s.endsWith("\n") || s.endsWith("\r");
      return new Style(crlf, bareLf, bareCr, finalNewline);
    }
  }
}
