package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.List;

/** More than one HEALTHCHECK in a stage: every one but the last is reported and can be deleted. */
@RuleInfo(
    id = "multiple-healthcheck",
    title = "More than one HEALTHCHECK in a stage",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.HEALTHCHECK,
    fixable = true,
    rationale =
        "Only the last HEALTHCHECK of a stage is used; an earlier one is dead code that misleads the reader about how the container is probed.",
    hadolint = {"DL3012"},
    trivy = {"DS-0023"})
public final class MultipleHealthcheck implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    return RepeatedInstruction.check(dockerfile, this, "HEALTHCHECK");
  }
}
