package io.hullcheck.compose;

import java.util.Map;

/**
 * Compose variable interpolation: {@code $V}, {@code ${V}}, {@code ${V:-d}}, {@code ${V-d}}, {@code
 * ${V:?e}}, {@code ${V?e}}, {@code ${V:+r}}, {@code ${V+r}}, and {@code $$} for a literal dollar.
 * Defaults and replacements may themselves hold references ({@code ${A:-${B:-x}}}).
 *
 * <p>A variable that is not in the environment map is <em>unset</em>. The result is unknown (null)
 * when it depends on an unset variable that has no default: plain {@code $V}/{@code ${V}}, and the
 * required forms {@code ${V:?e}}/{@code ${V?e}}, which Compose would refuse to start without. The
 * default forms use their default and the {@code +} forms give the empty string, as Compose does
 * for an unset variable. Like Compose, a {@code $} that is not followed by {@code $}, a name or an
 * opening brace stays as written; a malformed {@code ${...}} is an {@link
 * InvalidTemplateException}.
 *
 * <p>Immutable and thread-safe.
 */
final class Interpolator {
  /** Deepest nesting of defaults in defaults; a hostile value must not exhaust the stack. */
  static final int MAX_NESTING = 32;

  private final Map<String, String> env;

  Interpolator(Map<String, String> env) {
    this.env = env;
  }

  /** Signals a {@code ${...}} Compose cannot read; the message says what is wrong. */
  static final class InvalidTemplateException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidTemplateException(String message) {
      super(message);
    }
  }

  /** True when the text holds a {@code $} and so may change under interpolation. */
  static boolean mayInterpolate(String text) {
    return text.indexOf('$') >= 0;
  }

  /**
   * Interpolates the text.
   *
   * @return the text with references replaced, or null when it depends on an unset variable with no
   *     default
   */
  String apply(String text) throws InvalidTemplateException {
    return apply(text, 0);
  }

  private String apply(String text, int nesting) throws InvalidTemplateException {
    if (nesting > MAX_NESTING) {
      throw new InvalidTemplateException(
          "interpolation nested deeper than " + MAX_NESTING + " levels");
    }
    if (!mayInterpolate(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean unknown = false;
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c != '$' || i + 1 >= n) {
        out.append(c);
        i++;
        continue;
      }
      char next = text.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '{') {
        int close = closingBrace(text, i + 2);
        if (close < 0) {
          throw new InvalidTemplateException(
              "'" + text.substring(i) + "' has no closing '}'; write '$$' for a literal '$'");
        }
        String replaced =
            braced(text.substring(i + 2, close), text.substring(i, close + 1), nesting);
        if (replaced == null) {
          unknown = true;
        } else {
          out.append(replaced);
        }
        i = close + 1;
      } else if (isNameStart(next)) {
        int end = nameEnd(text, i + 1);
        String value = env.get(text.substring(i + 1, end));
        if (value == null) {
          unknown = true;
        } else {
          out.append(value);
        }
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return unknown ? null : out.toString();
  }

  /** Evaluates the inside of {@code ${...}}; {@code whole} is used in messages. */
  private String braced(String inner, String whole, int nesting) throws InvalidTemplateException {
    if (inner.isEmpty() || !isNameStart(inner.charAt(0))) {
      throw invalid(whole);
    }
    int end = nameEnd(inner, 0);
    String name = inner.substring(0, end);
    String value = env.get(name);
    if (end == inner.length()) {
      return value;
    }
    boolean colon = inner.charAt(end) == ':';
    int opAt = colon ? end + 1 : end;
    if (opAt >= inner.length()) {
      throw invalid(whole);
    }
    char op = inner.charAt(opAt);
    String arg = inner.substring(opAt + 1);
    // With a colon, an empty value counts as unset.
    boolean set = value != null && !(colon && value.isEmpty());
    return switch (op) {
      case '-' -> set ? value : apply(arg, nesting + 1);
      case '+' -> set ? apply(arg, nesting + 1) : "";
      // Compose refuses to run without it; its value is not ours to guess.
      case '?' -> set ? value : null;
      default -> throw invalid(whole);
    };
  }

  private static InvalidTemplateException invalid(String whole) {
    return new InvalidTemplateException(
        "invalid interpolation '" + whole + "'; write '$$' for a literal '$'");
  }

  /** Index of the '}' that closes a '${' whose body starts at {@code from}, or -1. */
  static int closingBrace(String text, int from) {
    int depth = 1;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '$' && i + 1 < text.length()) {
        char next = text.charAt(i + 1);
        if (next == '{') {
          depth++;
          i++;
        } else if (next == '$') {
          i++;
        }
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  static boolean isNameStart(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static int nameEnd(String text, int from) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (!isNameStart(c) && !(c >= '0' && c <= '9')) {
        break;
      }
      i++;
    }
    return i;
  }
}
