package io.hullcheck.dockerfile;

import java.util.Optional;

/**
 * Variable expansion as BuildKit's shell lexer does it for Dockerfile instructions: {@code $V},
 * {@code ${V}}, {@code ${V:-x}}, {@code ${V-x}}, {@code ${V:+x}}, {@code ${V+x}}, {@code ${V:?x}},
 * {@code ${V?x}}, the escape char, single quotes (literal) and double quotes; quotes are removed.
 *
 * <p>Unlike BuildKit, a variable whose value cannot be known here (declared without a value, set by
 * the base image, or a build platform ARG) makes the result unknown instead of empty. Pattern
 * operators ({@code ${V#p}}, {@code ${V%p}}, {@code ${V/p/r}}) also give an unknown result: they
 * are never guessed.
 */
final class Expander {

  /** What a variable holds at some point of the Dockerfile. */
  record Var(State state, String value) {
    static final Var UNSET = new Var(State.UNSET, "");
    static final Var UNKNOWN = new Var(State.UNKNOWN, "");

    static Var known(String value) {
      return new Var(State.KNOWN, value);
    }
  }

  enum State {
    KNOWN,
    /** Definitely not set: expands to the empty string. */
    UNSET,
    UNKNOWN
  }

  /** Resolves a variable name. */
  interface Lookup {
    Var get(String name);
  }

  private static final int NO_STOP = -1;

  private final String text;
  private final int n;
  private final char escape;
  private final Lookup lookup;
  private int pos;
  private boolean unknown;
  private boolean failed;

  private Expander(String text, char escape, Lookup lookup) {
    this.text = text;
    this.n = text.length();
    this.escape = escape;
    this.lookup = lookup;
  }

  /** The expanded text, or empty when it depends on an unknown value or is malformed. */
  static Optional<String> expand(String text, char escape, Lookup lookup) {
    if (text == null) {
      return Optional.empty();
    }
    if (isPlain(text, escape)) {
      return Optional.of(text);
    }
    Expander e = new Expander(text, escape, lookup);
    String result = e.word(NO_STOP);
    return e.unknown || e.failed ? Optional.empty() : Optional.of(result);
  }

  private static boolean isPlain(String text, char escape) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '$' || c == '\'' || c == '"' || c == escape) {
        return false;
      }
    }
    return true;
  }

  /** Reads up to the end or an unquoted {@code stop} char (left for the caller to consume). */
  private String word(int stop) {
    StringBuilder sb = new StringBuilder();
    while (pos < n) {
      char c = text.charAt(pos);
      if (c == stop) {
        break;
      }
      if (c == escape) {
        pos++;
        if (pos < n) {
          sb.append(text.charAt(pos++));
        }
      } else if (c == '\'') {
        int close = text.indexOf('\'', pos + 1);
        if (close < 0) {
          failed = true;
          sb.append(text, pos + 1, n);
          pos = n;
        } else {
          sb.append(text, pos + 1, close);
          pos = close + 1;
        }
      } else if (c == '"') {
        doubleQuoted(sb);
      } else if (c == '$') {
        sb.append(dollar());
      } else {
        sb.append(c);
        pos++;
      }
    }
    return sb.toString();
  }

  private void doubleQuoted(StringBuilder sb) {
    pos++;
    while (pos < n) {
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return;
      }
      if (c == '$') {
        sb.append(dollar());
        continue;
      }
      if (c == escape && pos + 1 < n) {
        char next = text.charAt(pos + 1);
        if (next == '"' || next == '$' || next == escape) {
          sb.append(next);
          pos += 2;
          continue;
        }
      }
      sb.append(c);
      pos++;
    }
    failed = true; // unterminated double quote
  }

  /** At a {@code $}: the expansion, or a literal {@code $} when no name follows. */
  private String dollar() {
    pos++;
    if (pos >= n) {
      return "$";
    }
    if (text.charAt(pos) == '{') {
      pos++;
      return braced();
    }
    String name = name();
    if (name.isEmpty()) {
      return "$";
    }
    return valueOf(lookup.get(name));
  }

  private String valueOf(Var v) {
    if (v.state() == State.UNKNOWN) {
      unknown = true;
    }
    return v.value();
  }

  /** A name: digits only, one special parameter char, or letters, digits and underscores. */
  private String name() {
    int start = pos;
    if (pos < n && Character.isDigit(text.charAt(pos))) {
      while (pos < n && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      return text.substring(start, pos);
    }
    if (pos < n && "@*#?-$!".indexOf(text.charAt(pos)) >= 0) {
      pos++;
      return text.substring(start, pos);
    }
    while (pos < n) {
      char c = text.charAt(pos);
      if (!Character.isLetterOrDigit(c) && c != '_') {
        break;
      }
      pos++;
    }
    return text.substring(start, pos);
  }

  /** After {@code ${}: the name, then {@code }} or a modifier. */
  private String braced() {
    String name = name();
    if (name.isEmpty() || pos >= n) {
      failed = true;
      return "";
    }
    char c = text.charAt(pos);
    if (c == '}') {
      pos++;
      return valueOf(lookup.get(name));
    }
    boolean colon = c == ':';
    if (colon) {
      pos++;
      c = pos < n ? text.charAt(pos) : 0;
    }
    if (c == '-' || c == '+' || c == '?') {
      pos++;
      return modifier(name, c, colon);
    }
    if (!colon && (c == '#' || c == '%' || c == '/')) {
      word('}');
      if (pos < n) {
        pos++;
      }
      unknown = true;
      return "";
    }
    failed = true;
    return "";
  }

  private String modifier(String name, char op, boolean colon) {
    boolean outerUnknown = unknown;
    unknown = false;
    String word = word('}');
    boolean wordUnknown = unknown;
    unknown = outerUnknown;
    if (pos >= n) {
      failed = true;
      return "";
    }
    pos++; // the closing brace
    Var v = lookup.get(name);
    if (v.state() == State.UNKNOWN) {
      unknown = true;
      return "";
    }
    boolean set = v.state() == State.KNOWN;
    boolean empty = !set || v.value().isEmpty();
    boolean useWord;
    String result;
    switch (op) {
      case '-' -> {
        useWord = colon ? empty : !set;
        result = useWord ? word : v.value();
      }
      case '+' -> {
        useWord = colon ? !empty : set;
        result = useWord ? word : "";
      }
      default -> {
        // ${V:?msg}: BuildKit fails the build when V is unset (or empty with the colon).
        if (colon ? empty : !set) {
          failed = true;
        }
        useWord = false;
        result = v.value();
      }
    }
    if (useWord && wordUnknown) {
      unknown = true;
    }
    return result;
  }
}
