package io.hullcheck.dockerfile;

/**
 * A heredoc opener word such as {@code <<EOF}, {@code <<-EOF}, {@code <<"EOF"} or {@code 2<<EOF}:
 * BuildKit's {@code ^(\d*)<<(-?)([^<]*)$} on a whole word, with a non-empty delimiter.
 *
 * @param name the delimiter with quotes removed
 * @param stripTabs {@code <<-}: leading tabs are stripped from body lines and the terminator
 * @param quoted some part of the delimiter was quoted, so the body is not expanded
 */
record HeredocMarker(String name, boolean stripTabs, boolean quoted) {

  /** The marker in a raw word, or null when the word is not one. */
  static HeredocMarker of(String raw) {
    int n = raw.length();
    int i = 0;
    while (i < n && raw.charAt(i) >= '0' && raw.charAt(i) <= '9') {
      i++;
    }
    if (i + 2 > n || raw.charAt(i) != '<' || raw.charAt(i + 1) != '<') {
      return null;
    }
    i += 2;
    boolean strip = i < n && raw.charAt(i) == '-';
    if (strip) {
      i++;
    }
    if (i >= n || raw.indexOf('<', i) >= 0) {
      return null;
    }
    String rest = raw.substring(i);
    // BuildKit lexes the delimiter with backslash as escape whatever the escape directive says.
    String name = ShellWords.unquote(rest, '\\');
    if (name.isEmpty()) {
      return null;
    }
    return new HeredocMarker(name, strip, quotes(name) != quotes(rest));
  }

  private static int quotes(String s) {
    int count = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'' || c == '"') {
        count++;
      }
    }
    return count;
  }
}
