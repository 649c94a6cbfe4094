package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An EXPOSE entry, in any stage, that is not a port: a number above 65535, a range whose end is
 * below its start, text that is no number, or a protocol other than tcp, udp and sctp. Entries with
 * unknown variables are skipped.
 */
@RuleInfo(
    id = "port-out-of-range",
    title = "EXPOSE entry is not a valid port",
    severity = Severity.ERROR,
    target = Target.DOCKERFILE,
    category = Category.CORRECTNESS,
    rationale =
        "Docker refuses an image whose EXPOSE entry is not a port, and a typo there documents a"
            + " port the application does not listen on.",
    hadolint = {"DL3011"},
    trivy = {"DS-0008"},
    kics = {"unix_ports_out_of_range"})
public final class PortOutOfRange implements DockerfileRule {
  private static final long MAX_PORT = 65535;
  private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (ExposedPorts.Entry e : ExposedPorts.entries(dockerfile, false)) {
      String problem = problem(e);
      if (problem == null) {
        continue;
      }
      findings.add(
          finding(
              dockerfile.source(),
              e.word().span(),
              "EXPOSE "
                  + e.text()
                  + ": "
                  + problem
                  + "; write the port the application listens on"));
    }
    return findings;
  }

  private static String problem(ExposedPorts.Entry e) {
    if (e.low() < 0) {
      return "not a port number (a port is 0 to 65535, optionally /tcp, /udp or /sctp)";
    }
    if (e.high() > MAX_PORT) {
      return "ports end at 65535";
    }
    if (e.high() < e.low()) {
      return "the range ends before it starts";
    }
    if (!PROTOCOLS.contains(e.protocol())) {
      return "protocol " + e.protocol() + " is not tcp, udp or sctp";
    }
    return null;
  }
}
