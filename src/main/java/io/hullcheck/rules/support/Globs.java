package io.hullcheck.rules.support;

import java.util.regex.Pattern;

/** Shell-style globs ({@code *} any run of characters, {@code ?} one) as whole-string matches. */
public final class Globs {
  private Globs() {}

  public static Pattern compile(String glob) {
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
