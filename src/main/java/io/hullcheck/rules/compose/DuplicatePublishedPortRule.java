package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.Service.PortMapping;
import io.hullcheck.compose.YMap;
import io.hullcheck.compose.YNode;
import io.hullcheck.compose.YScalar;
import io.hullcheck.compose.YSeq;
import io.hullcheck.model.Span;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two published ports of one file that ask the host for the same address, port and protocol. Port
 * ranges overlap when they share a port. Addresses clash when equal, when either is not given, or
 * when either is the wildcard of the other's family ({@code 0.0.0.0} for IPv4, {@code ::} for
 * IPv6); {@code 127.0.0.1} and {@code 127.0.0.2} do not. Services whose {@code profiles} are
 * disjoint never run together and are not compared. Unknown values are exempt. Every clashing port
 * after the first is reported where it is written, naming the first with its file when that is
 * another (an override file's port is merged into the service, not put in place of the compose
 * file's, unless they are the same port).
 */
@RuleInfo(
    id = "duplicate-published-port",
    title = "Two ports publish the same host port",
    severity = Severity.WARNING,
    target = Target.COMPOSE,
    category = Category.CORRECTNESS,
    rationale =
        "A host port can be bound once per address: the second container fails to start with"
            + " \"port is already allocated\", and which one wins depends on start order.",
    dclint = "no-duplicate-exported-ports")
public final class DuplicatePublishedPortRule implements ComposeRule {
  private static final Pattern RANGE = Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?");

  private record Bound(Service service, PortMapping port, int low, int high) {}

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    if (compose.root() == null) {
      return List.of();
    }
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    List<Bound> seen = new ArrayList<>();
    List<Finding> out = new ArrayList<>();
    for (Service s : compose.services()) {
      for (PortMapping p : s.ports()) {
        Bound b = bound(s, p);
        if (b == null) {
          continue;
        }
        Bound first = seen.stream().filter(a -> clash(a, b)).findFirst().orElse(null);
        seen.add(b);
        if (first != null) {
          Span at = where(compose, edits, b);
          out.add(finding(compose.source(), at, message(compose, at, b, first)));
        }
      }
    }
    return out;
  }

  private static Bound bound(Service s, PortMapping p) {
    if (p.published() == null || !p.publishedKnown() || !p.hostIpKnown()) {
      return null;
    }
    Matcher m = RANGE.matcher(p.published().strip());
    if (!m.matches()) {
      return null;
    }
    int low = Integer.parseInt(m.group(1));
    int high = m.group(2) == null ? low : Integer.parseInt(m.group(2));
    return low == 0 || high < low ? null : new Bound(s, p, low, high);
  }

  private static boolean clash(Bound a, Bound b) {
    return a.low <= b.high
        && b.low <= a.high
        && a.port.protocol().equalsIgnoreCase(b.port.protocol())
        && addressesClash(a.port.hostIp(), b.port.hostIp())
        && mayRunTogether(a.service, b.service);
  }

  static boolean addressesClash(String a, String b) {
    if (a == null || b == null || a.equalsIgnoreCase(b)) {
      return true;
    }
    boolean sameFamily = a.contains(":") == b.contains(":");
    return sameFamily && (isWildcard(a) || isWildcard(b));
  }

  private static boolean isWildcard(String ip) {
    return ip.equals("0.0.0.0") || ip.equals("::") || ip.equals("0:0:0:0:0:0:0:0");
  }

  /** False when both services name profiles and share none, so they never start together. */
  private static boolean mayRunTogether(Service a, Service b) {
    if (a == b) {
      return true;
    }
    Set<String> pa = profiles(a);
    Set<String> pb = profiles(b);
    if (pa == null || pb == null) {
      return true;
    }
    pa.retainAll(pb);
    return !pa.isEmpty();
  }

  /** The service's known profiles, or null when it has none (it always runs) or one is unknown. */
  private static Set<String> profiles(Service s) {
    YSeq seq = s.body().seq("profiles").orElse(null);
    if (seq == null || seq.items().isEmpty()) {
      return null;
    }
    Set<String> out = new HashSet<>();
    for (YNode item : seq.items()) {
      if (!(item instanceof YScalar v) || v.value() == null) {
        return null;
      }
      out.add(v.value());
    }
    return out;
  }

  /** The short-syntax item or the long syntax's {@code published}; the service when shared. */
  private static Span where(ComposeFile compose, YamlEdits edits, Bound b) {
    if (!ValueFindings.writtenIn(compose, b.service, b.port.node().span())) {
      return b.service.nameSpan();
    }
    if (b.port.node() instanceof YMap m && m.entry("published").isPresent()) {
      return edits.written(m.entry("published").get());
    }
    return edits.tight(b.port.node());
  }

  /**
   * Names the first port by line, and its file when that is another; a port of the same service
   * clashes within one container, which in a project of several files usually means an override
   * file added a port that was meant to replace the compose file's.
   */
  private static String message(ComposeFile compose, Span at, Bound b, Bound first) {
    String address = b.port.hostIp() == null ? "" : b.port.hostIp() + ":";
    Span firstAt = first.port.node().span();
    String line = compose.where(firstAt, at);
    String clash;
    if (first.service != b.service) {
      clash =
          " is already published by service "
              + first.service.name()
              + " ("
              + line
              + "), so one of the two containers fails to start; publish another host port, or"
              + " bind each to its own address";
    } else if (!compose
        .layout()
        .locate(firstAt)
        .path()
        .equals(compose.layout().locate(at).path())) {
      clash =
          " is already published by this service ("
              + line
              + "), and Compose keeps both ports, so the container fails to start; tag this"
              + " file's ports !override to replace that file's ports instead of adding to them,"
              + " or publish another host port";
    } else {
      clash =
          " is already published by this service ("
              + line
              + "), so the container fails to start; publish another host port, or bind each to"
              + " its own address";
    }
    return "Host port " + address + b.port.published() + "/" + b.port.protocol() + clash;
  }
}
