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

/**
 * The image that ships (final stage and the stages it builds FROM) exposes TCP port 22, alone or
 * inside a range. UDP 22 is not SSH. Unknown variables are skipped.
 */
@RuleInfo(
    id = "expose-ssh",
    title = "Image exposes the SSH port",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.PORT_EXPOSURE,
    rationale =
        "An SSH server in a container is one more daemon with credentials to steal and patch;"
            + " docker exec and kubectl exec give the same access without it.",
    trivy = {"DS-0004"},
    kics = {"exposing_port_22"},
    checkov = {"CKV_DOCKER_1"},
    cis = {"5.7"})
public final class ExposeSsh implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (ExposedPorts.Entry e : ExposedPorts.entries(dockerfile, true)) {
      if (!e.protocol().equals("tcp") || e.low() < 0 || e.low() > 22 || e.high() < 22) {
        continue;
      }
      String what = e.low() == e.high() ? "port 22" : "range " + e.text() + ", which includes 22,";
      findings.add(
          finding(
              dockerfile.source(),
              e.word().span(),
              "EXPOSE "
                  + what
                  + " is SSH: do not run an SSH server in the container; remove it and use"
                  + " docker exec (or kubectl exec) for a shell"));
    }
    return findings;
  }
}
