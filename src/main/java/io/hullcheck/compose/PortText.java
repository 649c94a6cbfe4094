package io.hullcheck.compose;

import java.util.Set;

/** The syntax Compose accepts for the parts of a published port. */
final class PortText {
  static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");

  private PortText() {}

  /** {@code N} or {@code N-M} with {@code min <= N <= M <= 65535}, digits only. */
  static boolean isPortOrRange(String text, int min) {
    int dash = text.indexOf('-');
    if (dash < 0) {
      return port(text) >= min;
    }
    int low = port(text.substring(0, dash));
    int high = port(text.substring(dash + 1));
    return low >= min && high >= low;
  }

  /** The number, or -1 when the text is not 1 to 5 digits up to 65535. */
  private static int port(String text) {
    if (text.isEmpty() || text.length() > 5) {
      return -1;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return -1;
      }
    }
    int n = Integer.parseInt(text);
    return n <= 65535 ? n : -1;
  }

  /**
   * An IPv4 dotted quad or an IPv6 literal (hex groups, at most one {@code ::}, an optional
   * trailing dotted quad, an optional {@code %zone}); brackets already removed.
   */
  static boolean isIpLiteral(String text) {
    return text.indexOf(':') < 0 ? isIpv4(text) : isIpv6(text);
  }

  private static boolean isHexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return false;
      }
      if (Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv6(String text) {
    int zone = text.indexOf('%');
    String address = zone < 0 ? text : text.substring(0, zone);
    if (zone >= 0 && zone == text.length() - 1) {
      return false;
    }
    int doubleColon = address.indexOf("::");
    if (doubleColon >= 0 && address.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    String[] groups = address.split(":", -1);
    int count = 0;
    for (int i = 0; i < groups.length; i++) {
      String g = groups[i];
      if (g.isEmpty()) {
        continue; // part of "::", checked above; a lone ':' at either end fails the count below
      }
      if (i == groups.length - 1 && g.indexOf('.') >= 0) {
        if (!isIpv4(g)) {
          return false;
        }
        count += 2;
        continue;
      }
      if (g.length() > 4 || !g.chars().allMatch(PortText::isHexDigit)) {
        return false;
      }
      count++;
    }
    if (doubleColon < 0) {
      return count == 8;
    }
    boolean badStart = address.startsWith(":") && !address.startsWith("::");
    boolean badEnd = address.endsWith(":") && !address.endsWith("::");
    return count <= 7 && !badStart && !badEnd;
  }
}
