package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.Service.PortMapping;
import io.hullcheck.compose.YEntry;
import io.hullcheck.compose.YMap;
import io.hullcheck.model.Span;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.List;

/**
 * A port published on a privileged host port (1-1023), or a range that starts there. The host port
 * is judged after interpolation: {@code ${HTTP_PORT:-80}:8080} counts, a variable without default
 * is unknown and exempt. Container-only ports get a random high host port and are never reported.
 * No fix: which high port clients should use instead is the team's choice.
 */
@RuleInfo(
    id = "privileged-host-port",
    title = "Port is published on a privileged host port",
    severity = Severity.INFO,
    target = Target.COMPOSE,
    category = Category.PORT_EXPOSURE,
    rationale =
        "Host ports below 1024 are reserved for system services; publishing one lets the"
            + " container take the place of a host service such as ssh, DNS or a web server, and"
            + " needs the engine to bind it as root.",
    kics = "privileged_ports_mapped_in_container",
    cis = "5.8")
public final class PrivilegedHostPortRule implements ComposeRule {

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    if (compose.root() == null) {
      return List.of();
    }
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    ValueFindings found = new ValueFindings(this, compose, context);
    for (Service s : compose.services()) {
      for (PortMapping p : s.ports()) {
        int port = hostPort(p);
        if (port < 1 || port > 1023) {
          continue;
        }
        found.add(
            s,
            "ports",
            where(edits, p),
            "Host port "
                + p.published()
                + " is a privileged port; publish the service on a port above 1023 (for"
                + " example \""
                + (port + 8000)
                + ":"
                + (p.target() == null ? port : p.target())
                + "\"), unless it is the host's front door (a reverse proxy on 80/443)",
            null);
      }
    }
    return found.findings();
  }

  /** The first host port published, or -1 when there is none or it is unknown. */
  static int hostPort(PortMapping p) {
    if (!p.publishedKnown() || p.published() == null) {
      return -1;
    }
    String first = p.published().strip();
    int dash = first.indexOf('-');
    if (dash > 0) {
      first = first.substring(0, dash).strip();
    }
    if (first.isEmpty() || first.length() > 5 || !first.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Integer.parseInt(first);
  }

  private static Span where(YamlEdits edits, PortMapping p) {
    if (p.node() instanceof YMap m) {
      YEntry published = m.entry("published").orElse(null);
      if (published != null) {
        return edits.written(published);
      }
    }
    return edits.tight(p.node());
  }
}
