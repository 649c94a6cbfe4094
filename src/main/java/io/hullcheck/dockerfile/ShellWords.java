package io.hullcheck.dockerfile;

import java.util.List;

/**
 * Word-level lexing of an instruction's joined text, following BuildKit: words split on whitespace
 * with quotes respected, flags at the start of the arguments, and quote removal the way BuildKit's
 * shell lexer does it (single quotes literal; in double quotes the escape char only escapes {@code
 * "}, {@code $} and itself; elsewhere it escapes any char).
 *
 * <p>All scanning is one forward pass over chars; no regular expressions.
 */
final class ShellWords {
  private ShellWords() {}

  /** Whitespace as Go's {@code unicode.IsSpace} sees it, with an ASCII fast path. */
  static boolean isSpace(char c) {
    if (c > ' ' && c < 0x7f) {
      return false;
    }
    return c == ' '
        || c == '\t'
        || c == '\n'
        || c == '\u000B'
        || c == '\f'
        || c == '\r'
        || c == '\u0085'
        || c == '\u00A0'
        || (c > 0x7f && Character.isWhitespace(c));
  }

  static int skipSpaces(LogicalLine line, int i, int to) {
    while (i < to && isSpace(line.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Index just past the last non-space char of {@code [from, to)}. */
  static int trimEnd(LogicalLine line, int from, int to) {
    while (to > from && isSpace(line.charAt(to - 1))) {
      to--;
    }
    return to;
  }

  /** End of the word starting at {@code i}: quotes and the escape char respected. */
  static int wordEnd(LogicalLine line, int i, int to, char escape) {
    char quote = 0;
    while (i < to) {
      char c = line.charAt(i);
      if (quote == 0) {
        if (isSpace(c)) {
          return i;
        }
        if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == escape) {
          i++;
        }
      } else if (c == quote) {
        quote = 0;
      } else if (c == escape && quote != '\'') {
        i++;
      }
      i++;
    }
    return Math.min(i, to);
  }

  /** Splits {@code [from, to)} into words and adds them to {@code out}. */
  static void split(LogicalLine line, int from, int to, char escape, List<Word> out) {
    int i = skipSpaces(line, from, to);
    while (i < to) {
      int end = wordEnd(line, i, to, escape);
      out.add(word(line, i, end, escape));
      i = skipSpaces(line, end, to);
    }
  }

  static Word word(LogicalLine line, int from, int to, char escape) {
    String raw = line.text(from, to);
    return new Word(unquote(raw, escape), raw, line.span(from, to));
  }

  /** Removes quotes and resolves escapes as BuildKit's shell lexer does; variables untouched. */
  static String unquote(String raw, char escape) {
    if (!needsUnquote(raw, escape)) {
      return raw;
    }
    StringBuilder sb = new StringBuilder(raw.length());
    int n = raw.length();
    int i = 0;
    while (i < n) {
      char c = raw.charAt(i);
      if (c == '\'') {
        int close = raw.indexOf('\'', i + 1);
        int end = close < 0 ? n : close;
        sb.append(raw, i + 1, end);
        i = close < 0 ? n : close + 1;
      } else if (c == '"') {
        i++;
        while (i < n && raw.charAt(i) != '"') {
          char d = raw.charAt(i);
          if (d == escape && i + 1 < n) {
            char next = raw.charAt(i + 1);
            if (next == '"' || next == '$' || next == escape) {
              sb.append(next);
              i += 2;
              continue;
            }
          }
          sb.append(d);
          i++;
        }
        i++;
      } else if (c == escape) {
        if (i + 1 < n) {
          sb.append(raw.charAt(i + 1));
        }
        i += 2;
      } else {
        sb.append(c);
        i++;
      }
    }
    return sb.toString();
  }

  private static boolean needsUnquote(String raw, char escape) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\'' || c == '"' || c == escape) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads BuildKit builder flags ({@code --name[=value]}) at {@code i}; stops at the first word not
   * starting with {@code --}, or after a bare {@code --}. BuildKit hard-codes backslash as the
   * escape inside flags. Returns where the arguments start.
   */
  static int flags(LogicalLine line, int i, int to, List<Flag> out) {
    while (true) {
      i = skipSpaces(line, i, to);
      if (i + 1 >= to || line.charAt(i) != '-' || line.charAt(i + 1) != '-') {
        return i;
      }
      int end = wordEnd(line, i, to, '\\');
      if (end - i == 2) {
        return skipSpaces(line, end, to);
      }
      String decoded = unquoteFlag(line.text(i + 2, end));
      int eq = decoded.indexOf('=');
      String name =
          (eq < 0 ? decoded : decoded.substring(0, eq)).toLowerCase(java.util.Locale.ROOT);
      String value = eq < 0 ? null : decoded.substring(eq + 1);
      io.hullcheck.model.Span valueSpan = null;
      if (value != null) {
        int rawEq = i + 2;
        while (rawEq < end && line.charAt(rawEq) != '=') {
          rawEq++;
        }
        valueSpan = line.span(Math.min(rawEq + 1, end), end);
      }
      out.add(new Flag(name, value, line.span(i, end), valueSpan));
      i = end;
    }
  }

  /** Quote removal inside a flag word: quotes dropped, backslash escapes the next char. */
  private static String unquoteFlag(String raw) {
    if (!needsUnquote(raw, '\\')) {
      return raw;
    }
    StringBuilder sb = new StringBuilder(raw.length());
    char quote = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (quote == 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (quote != 0 && c == quote) {
        quote = 0;
      } else if (c == '\\') {
        if (i + 1 < raw.length()) {
          sb.append(raw.charAt(++i));
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
