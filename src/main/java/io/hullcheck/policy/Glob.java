package io.hullcheck.policy;

import java.util.regex.Pattern;

/**
 * A path glob as written in {@code paths} and {@code overrides}, matched against paths relative to
 * the repository root with {@code /} separators.
 *
 * <ul>
 *   <li>{@code *} matches any run of characters within one path segment (never {@code /});
 *   <li>{@code ?} matches one character other than {@code /};
 *   <li>{@code **} as a whole segment matches zero or more segments ({@code a/**}{@code /b} matches
 *       {@code a/b} and {@code a/x/y/b});
 *   <li>{@code {a,b}} matches either alternative;
 *   <li>a pattern without {@code /} matches a file or directory name at any depth ({@code
 *       Dockerfile*} matches {@code svc/api/Dockerfile.dev}); a pattern with a {@code /} is
 *       anchored at the root (a leading {@code /} is allowed and ignored);
 *   <li>a pattern that matches a directory matches every file below it ({@code vendor} and {@code
 *       vendor/} exclude {@code vendor/x/Dockerfile}).
 * </ul>
 *
 * <p>Matching is case-sensitive, as on Linux and in git. Immutable and thread-safe.
 */
public final class Glob {
  private final String pattern;
  private final Pattern regex;
  private final boolean basename;

  private Glob(String pattern, Pattern regex, boolean basename) {
    this.pattern = pattern;
    this.regex = regex;
    this.basename = basename;
  }

  /** Compiles a glob; throws IllegalArgumentException with a reason for an invalid pattern. */
  public static Glob compile(String pattern) {
    String p = pattern.trim();
    if (p.isEmpty()) {
      throw new IllegalArgumentException("a glob must not be empty");
    }
    if (p.startsWith("/")) {
      p = p.substring(1);
    }
    if (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    boolean basename = !p.contains("/");
    return new Glob(pattern, Pattern.compile(toRegex(p)), basename);
  }

  /** The pattern as written. */
  public String pattern() {
    return pattern;
  }

  /** Whether {@code path} (relative, {@code /}-separated) or a directory above it matches. */
  public boolean matches(String path) {
    String p = path.startsWith("./") ? path.substring(2) : path;
    p = p.startsWith("/") ? p.substring(1) : p;
    String[] segments = p.split("/", -1);
    if (basename) {
      for (String segment : segments) {
        if (regex.matcher(segment).matches()) {
          return true;
        }
      }
      return false;
    }
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        prefix.append('/');
      }
      prefix.append(segments[i]);
      if (regex.matcher(prefix).matches()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return pattern;
  }

  private static String toRegex(String glob) {
    StringBuilder re = new StringBuilder();
    int depth = 0;
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        boolean segmentStart = i == 0 || glob.charAt(i - 1) == '/';
        boolean segmentEnd = i + 2 == glob.length() || glob.charAt(i + 2) == '/';
        if (!segmentStart || !segmentEnd) {
          throw new IllegalArgumentException(
              "`**` must be a whole path segment (as in `a/**/b`), found in `" + glob + "`");
        }
        if (i + 2 == glob.length()) {
          // Trailing `**`: everything below; a leading `a/` must still match a directory.
          re.append(".*");
          i += 2;
        } else {
          // `**/`: zero or more whole segments.
          re.append("(?:[^/]*/)*");
          i += 3;
        }
        continue;
      }
      switch (c) {
        case '*' -> re.append("[^/]*");
        case '?' -> re.append("[^/]");
        case '{' -> {
          re.append("(?:");
          depth++;
        }
        case '}' -> {
          if (depth == 0) {
            throw new IllegalArgumentException("unbalanced `}` in `" + glob + "`");
          }
          re.append(')');
          depth--;
        }
        case ',' -> re.append(depth > 0 ? "|" : ",");
        case '\\' -> {
          if (i + 1 < glob.length()) {
            re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          }
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
      i++;
    }
    if (depth != 0) {
      throw new IllegalArgumentException("unbalanced `{` in `" + glob + "`");
    }
    return re.toString();
  }
}
