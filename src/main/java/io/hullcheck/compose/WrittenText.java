package io.hullcheck.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * The literal text a compose value commits to the repository, whatever the environment: the text
 * outside references, plus every default ({@code ${V:-d}}, {@code ${V-d}}) and replacement ({@code
 * ${V:+r}}, {@code ${V+r}}), themselves read the same way when they nest ({@code ${A:-${B:-x}}}). A
 * reference contributes nothing of its own ({@code $V}, {@code ${V}}), nor does the message of a
 * required form ({@code ${V:?e}}), which is shown to people and never becomes the value; {@code $$}
 * is a literal {@code $}. A malformed {@code ${...}} is kept as written (the loader reports it).
 * Rules use this to judge what the file itself writes, which {@link YScalar#value()} hides behind
 * the environment.
 *
 * @param text the written text
 * @param defaults the top-level references with a default, in order; nested ones are part of their
 *     enclosing default
 */
public record WrittenText(String text, List<Default> defaults) {

  /**
   * A top-level {@code ${name:-default}} or {@code ${name-default}}.
   *
   * @param name the variable
   * @param colon whether written {@code :-} (an empty value counts as unset)
   * @param rawStart where the reference starts in the raw text (its {@code $})
   * @param rawEnd where it ends in the raw text, after its {@code }}
   * @param start where its default starts in {@link #text()}
   * @param end where its default ends in {@link #text()}
   */
  public record Default(String name, boolean colon, int rawStart, int rawEnd, int start, int end) {}

  public WrittenText {
    defaults = List.copyOf(defaults);
  }

  /** Reads {@code raw}: a scalar's text as YAML reads it, before interpolation. */
  public static WrittenText of(String raw) {
    List<Default> defaults = new ArrayList<>();
    StringBuilder out = new StringBuilder(raw.length());
    append(raw, out, defaults, 0);
    return new WrittenText(out.toString(), defaults);
  }

  /**
   * Appends the written text of {@code raw}; records its defaults in {@code defaults}, which is
   * null below the top level.
   */
  private static void append(String raw, StringBuilder out, List<Default> defaults, int nesting) {
    int n = raw.length();
    int i = 0;
    while (i < n) {
      char c = raw.charAt(i);
      if (c != '$' || i + 1 >= n) {
        out.append(c);
        i++;
        continue;
      }
      char next = raw.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
      } else if (Interpolator.isNameStart(next)) {
        i = Interpolator.nameEnd(raw, i + 1);
      } else if (next == '{') {
        int close = Interpolator.closingBrace(raw, i + 2);
        if (close < 0 || nesting > Interpolator.MAX_NESTING) {
          out.append(raw, i, n);
          return;
        }
        braced(raw, i, close, out, defaults, nesting);
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
  }

  /** Appends the written text of the {@code ${...}} from {@code open} to {@code close}. */
  private static void braced(
      String raw, int open, int close, StringBuilder out, List<Default> defaults, int nesting) {
    String inner = raw.substring(open + 2, close);
    if (inner.isEmpty() || !Interpolator.isNameStart(inner.charAt(0))) {
      out.append(raw, open, close + 1);
      return;
    }
    int end = Interpolator.nameEnd(inner, 0);
    if (end == inner.length()) {
      return;
    }
    boolean colon = inner.charAt(end) == ':';
    int opAt = colon ? end + 1 : end;
    char op = opAt < inner.length() ? inner.charAt(opAt) : 0;
    if (op == '-' || op == '+') {
      int start = out.length();
      append(inner.substring(opAt + 1), out, null, nesting + 1);
      if (op == '-' && defaults != null) {
        defaults.add(
            new Default(inner.substring(0, end), colon, open, close + 1, start, out.length()));
      }
    } else if (op != '?') {
      out.append(raw, open, close + 1);
    }
  }
}
