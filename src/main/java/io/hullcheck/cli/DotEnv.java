package io.hullcheck.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@code .env} file as Compose does for interpolation: {@code NAME=value} lines, an
 * optional {@code export } prefix, {@code #} comments, single quotes taken literally, double quotes
 * with {@code \n}-style escapes, and an unquoted value ending at an inline {@code " #"} comment.
 */
final class DotEnv {
  private DotEnv() {}

  static Map<String, String> parse(String text) {
    Map<String, String> vars = new LinkedHashMap<>();
    for (String raw : text.split("\r?\n|\r")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring(7).strip();
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = line.substring(0, eq).strip();
      vars.put(name, value(line.substring(eq + 1).strip()));
    }
    return vars;
  }

  private static String value(String v) {
    if (v.length() >= 2 && v.startsWith("'") && v.indexOf('\'', 1) > 0) {
      return v.substring(1, v.indexOf('\'', 1));
    }
    if (v.length() >= 2 && v.startsWith("\"")) {
      StringBuilder sb = new StringBuilder();
      for (int i = 1; i < v.length(); i++) {
        char c = v.charAt(i);
        if (c == '"') {
          return sb.toString();
        }
        if (c == '\\' && i + 1 < v.length()) {
          char n = v.charAt(++i);
          sb.append(
              switch (n) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                default -> n;
              });
        } else {
          sb.append(c);
        }
      }
      return sb.toString();
    }
    int comment = v.indexOf(" #");
    return (comment >= 0 ? v.substring(0, comment) : v).strip();
  }
}
