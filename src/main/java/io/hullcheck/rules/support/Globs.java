package io.hullcheck.rules.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Shell-style globs ({@code *} any run of characters, {@code ?} one) as whole-string matches. */
public final class Globs {
  private Globs() {}

  // Globs come from a handful of data tables and options, so the cache stays small.
  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

  /** The glob as a regex; compiled once per distinct glob. */
  public static Pattern compile(String glob) {
    return CACHE.computeIfAbsent(glob, Globs::toPattern);
  }

  private static Pattern toPattern(String glob) {
    StringBuilder re = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }

  public static boolean matches(String glob, String text) {
    return compile(glob).matcher(text).matches();
  }
}
