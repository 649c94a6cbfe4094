package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.Service.PortMapping;
import io.hullcheck.compose.YEntry;
import io.hullcheck.compose.YMap;
import io.hullcheck.compose.YScalar;
import io.hullcheck.model.Span;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.TextEdit;
import java.util.List;

/**
 * A published port that listens on every host interface: no host address, an empty one, or an
 * explicit {@code 0.0.0.0} / {@code ::} (reported with its own message). A container-only port
 * ({@code "80"}) is published on a random host port on every interface, so it counts. A host
 * address from a variable without default is unknown and exempt; one with a loopback default is
 * bound. A host port from a variable says nothing about the address, so {@code "${PORT}:80"} is
 * reported. The fix binds to 127.0.0.1 ({@code [::1]} where the address was IPv6), in either
 * syntax, and keeps any interpolation.
 */
@RuleInfo(
    id = "port-all-interfaces",
    title = "Port is published on every host interface",
    severity = Severity.WARNING,
    target = Target.COMPOSE,
    category = Category.PORT_EXPOSURE,
    fixable = true,
    rationale =
        "A port published without a host address listens on every interface of the host, and"
            + " Docker's own firewall rules let it through ahead of the host firewall, so a"
            + " database meant for local use is reachable from the network.",
    kics = "container_traffic_not_bound_to_host_interface",
    dclint = "no-unbound-port-interfaces",
    cis = "5.14")
public final class PortAllInterfacesRule implements ComposeRule {
  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    if (compose.root() == null) {
      return List.of();
    }
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    String unit = edits.unit(compose.root().map("services").orElse(null));
    ValueFindings found = new ValueFindings(this, compose, context);
    for (Service s : compose.services()) {
      for (PortMapping p : s.ports()) {
        if (!p.hostIpKnown() || !isAnyAddress(p.hostIp()) || whollyUnknown(p) || oddShape(p)) {
          continue;
        }
        found.add(s, "ports", where(edits, p), message(p), () -> fix(edits, unit, p));
      }
    }
    return found.findings();
  }

  /** No address, an empty one, or one that means every interface. */
  static boolean isAnyAddress(String ip) {
    if (ip == null) {
      return true;
    }
    String a = ip.strip();
    return a.isEmpty() || a.equals("0.0.0.0") || a.equals("::") || a.equals("[::]");
  }

  private static boolean isIpv6Any(String ip) {
    return ip != null && (ip.strip().equals("::") || ip.strip().equals("[::]"));
  }

  /** A short-syntax port that is one variable: its address cannot be known. */
  private static boolean whollyUnknown(PortMapping p) {
    return p.node() instanceof YScalar s
        && s.value() == null
        && PortBinding.splitRaw(s.raw()).size() == 1
        && s.raw().contains("$");
  }

  /**
   * A long-syntax {@code published} that carries an address ({@code 127.0.0.1:8080}): not a shape
   * Compose documents, so whether it binds is not known; no finding rather than a wrong one.
   */
  private static boolean oddShape(PortMapping p) {
    return p.longSyntax() && p.published() != null && p.published().contains(":");
  }

  private static Span where(YamlEdits edits, PortMapping p) {
    if (p.node() instanceof YMap m && p.hostIp() != null) {
      YEntry hostIp = m.entry("host_ip").orElse(null);
      if (hostIp != null) {
        return edits.written(hostIp);
      }
    }
    return edits.tight(p.node());
  }

  private static String message(PortMapping p) {
    String target = p.target() == null ? "?" : p.target();
    String proto = p.protocol() == null || p.protocol().equals("tcp") ? "" : "/" + p.protocol();
    String shown;
    String bound;
    if (p.node() instanceof YScalar s) {
      shown = s.raw();
      String loopback = isIpv6Any(p.hostIp()) ? "[::1]" : "127.0.0.1";
      String raw = PortBinding.bindShort(s.raw(), loopback);
      bound = "bind it to " + loopback + (raw == null ? "" : " (\"" + raw + "\")");
    } else {
      shown = (p.published() == null ? "" : p.published() + ":") + target + proto;
      bound =
          isIpv6Any(p.hostIp())
              ? "bind it to ::1 (host_ip: \"::1\")"
              : "bind it to 127.0.0.1 (host_ip: 127.0.0.1)";
    }
    if (p.hostIp() != null && !p.hostIp().isBlank()) {
      return "Port "
          + shown
          + " is published on "
          + p.hostIp()
          + ", which is every interface of the host; "
          + bound
          + " unless other machines must reach it";
    }
    if (p.published() == null && p.publishedKnown()) {
      return "Container port "
          + target
          + proto
          + " is published on a random host port on every interface; "
          + bound
          + ", or use expose if only other services need it";
    }
    return "Port "
        + shown
        + " is published on every interface of the host; "
        + bound
        + " unless other machines must reach it";
  }

  private static Fix fix(YamlEdits edits, String unit, PortMapping p) {
    String loopback = isIpv6Any(p.hostIp()) ? "[::1]" : "127.0.0.1";
    TextEdit edit = null;
    if (p.node() instanceof YScalar s) {
      String raw = PortBinding.bindShort(s.raw(), loopback);
      if (raw != null) {
        edit = edits.replaceScalar(s, raw, "int".equals(s.tag()) && edits.quoteOf(s) == 0);
      }
    } else if (p.node() instanceof YMap m) {
      YScalar hostIp = m.scalar("host_ip").orElse(null);
      String longLoopback = loopback.equals("[::1]") ? "::1" : loopback;
      if (hostIp != null) {
        String raw = PortBinding.bindHost(hostIp.raw(), longLoopback);
        edit = raw == null ? null : edits.replaceScalar(hostIp, raw, false);
      } else if (m.entry("host_ip").isEmpty()) {
        String value =
            YamlEdits.quote(longLoopback, YamlEdits.needsQuotes(longLoopback, false) ? '"' : 0);
        edit = edits.insertEntry(m, "host_ip", value, unit);
      }
    }
    return edit == null ? null : Fix.of("Publish the port on " + loopback + " only", edit);
  }
}
