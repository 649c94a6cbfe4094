package io.hullcheck.rules.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The patterns of a {@code .dockerignore} file with Docker's semantics: one pattern per line,
 * {@code #} comments, surrounding whitespace trimmed, a leading {@code /} ignored, paths cleaned;
 * {@code *} and {@code ?} match within one path segment, {@code [...]} character classes, {@code
 * **} any number of whole directories (or, at the end, anything); {@code !} re-includes; the last
 * matching pattern decides. A pattern that matches a directory excludes everything under it.
 *
 * <p>Immutable and thread-safe.
 */
public final class DockerIgnore {
  private record Rule(Pattern regex, boolean exclude, String text) {}

  private final List<Rule> rules;

  private DockerIgnore(List<Rule> rules) {
    this.rules = rules;
  }

  /** Parses the text of a {@code .dockerignore}; never throws. */
  public static DockerIgnore parse(String text) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : text.split("\r?\n|\r", -1)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean exclude = true;
      if (line.startsWith("!")) {
        exclude = false;
        line = line.substring(1).strip();
      }
      // Backslash escapes a glob character in a pattern (Docker on Linux), so it is kept here.
      String cleaned = cleanSegments(line);
      if (cleaned.isEmpty()) {
        continue;
      }
      rules.add(new Rule(Pattern.compile(toRegex(cleaned)), exclude, line));
    }
    return new DockerIgnore(List.copyOf(rules));
  }

  /** No patterns: nothing is excluded. */
  public static DockerIgnore empty() {
    return new DockerIgnore(List.of());
  }

  /**
   * Whether a context-relative, {@code /}-separated path is left out of the build context. A path
   * is excluded when the last pattern matching it, or any of its parent directories, excludes it.
   */
  public boolean excludes(String path) {
    String p = clean(path);
    boolean excluded = false;
    for (Rule r : rules) {
      if (matchesSelfOrParent(r.regex(), p)) {
        excluded = r.exclude();
      }
    }
    return excluded;
  }

  private static boolean matchesSelfOrParent(Pattern regex, String path) {
    if (regex.matcher(path).matches()) {
      return true;
    }
    int slash = path.lastIndexOf('/');
    while (slash > 0) {
      path = path.substring(0, slash);
      if (regex.matcher(path).matches()) {
        return true;
      }
      slash = path.lastIndexOf('/');
    }
    return false;
  }

  /** Removes {@code ./}, duplicate and leading/trailing slashes, and resolves {@code ..}. */
  static String clean(String path) {
    return cleanSegments(path.replace('\\', '/'));
  }

  private static String cleanSegments(String path) {
    List<String> parts = new ArrayList<>();
    for (String seg : path.split("/")) {
      if (seg.isEmpty() || seg.equals(".")) {
        continue;
      }
      if (seg.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
        continue;
      }
      parts.add(seg);
    }
    return String.join("/", parts);
  }

  private static String toRegex(String glob) {
    StringBuilder re = new StringBuilder();
    int n = glob.length();
    for (int i = 0; i < n; i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        if (i + 1 < n && glob.charAt(i + 1) == '*') {
          i++;
          if (i + 1 < n && glob.charAt(i + 1) == '/') {
            i++;
          }
          // As Docker reads it: "**" at the end matches everything; anywhere else it matches any
          // run of whole directories, even inside a segment ("a**b" is "a" + dirs + "b", so it
          // matches a/x/b and ab but not axb).
          re.append(i + 1 < n ? "(?:.*/)?" : ".*");
        } else {
          re.append("[^/]*");
        }
      } else if (c == '?') {
        re.append("[^/]");
      } else if (c == '[') {
        int close = glob.indexOf(']', i + 2);
        if (close < 0) {
          re.append("\\[");
        } else {
          String cls = glob.substring(i + 1, close);
          if (cls.startsWith("!") || cls.startsWith("^")) {
            cls = "^" + cls.substring(1);
          }
          re.append('[').append(cls.replace("\\", "\\\\")).append(']');
          i = close;
        }
      } else if (c == '\\' && i + 1 < n) {
        re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return re.toString();
  }
}
