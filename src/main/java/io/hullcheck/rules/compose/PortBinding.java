package io.hullcheck.rules.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the text of a published port so it binds to loopback, keeping interpolation: the short
 * syntax {@code [HOST:][PUBLISHED:]TARGET[/PROTO]} is split on the colons outside {@code ${...}}
 * and {@code [...]}, as Compose splits it after interpolation. Pure functions.
 */
final class PortBinding {
  private static final Pattern DEFAULTED =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:?-)([^}]*)}");

  private PortBinding() {}

  /** The short-syntax text with its address set to loopback; null when that cannot be done. */
  static String bindShort(String raw, String loopback) {
    List<int[]> parts = splitRaw(raw);
    int n = parts.size();
    if (n == 1) {
      return loopback + "::" + raw;
    }
    if (n == 2) {
      return loopback + ":" + raw;
    }
    int hostPortStart = parts.get(n - 2)[0];
    String host = bindHost(raw.substring(0, hostPortStart - 1), loopback);
    return host == null ? null : host + raw.substring(hostPortStart - 1);
  }

  /**
   * An address written as text, bound to loopback: a literal becomes the loopback, a variable's
   * default that means every interface is replaced so the variable still wins; null otherwise.
   */
  static String bindHost(String host, String loopback) {
    if (!host.contains("$")) {
      return loopback;
    }
    Matcher m = DEFAULTED.matcher(host.strip());
    if (m.matches() && PortAllInterfacesRule.isAnyAddress(m.group(3))) {
      return "${" + m.group(1) + m.group(2) + loopback + "}";
    }
    return null;
  }

  /** The colon-separated parts of a short port, as [start, end) in raw, ignoring colons in ${}. */
  static List<int[]> splitRaw(String raw) {
    List<int[]> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '{' || c == '[') {
        depth++;
      } else if ((c == '}' || c == ']') && depth > 0) {
        depth--;
      } else if (c == ':' && depth == 0) {
        parts.add(new int[] {start, i});
        start = i + 1;
      }
    }
    parts.add(new int[] {start, raw.length()});
    return parts;
  }
}
