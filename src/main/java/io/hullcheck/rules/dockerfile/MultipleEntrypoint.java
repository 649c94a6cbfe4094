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

/** More than one ENTRYPOINT in a stage: every one but the last is reported and can be deleted. */
@RuleInfo(
    id = "multiple-entrypoint",
    title = "More than one ENTRYPOINT in a stage",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.CORRECTNESS,
    fixable = true,
    rationale =
        "Only the last ENTRYPOINT of a stage is used; an earlier one is dead code that misleads the reader about what the image runs.",
    hadolint = {"DL4004"},
    trivy = {"DS-0007"},
    kics = {"multiple_entrypoint_instructions_listed"})
public final class MultipleEntrypoint implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    return RepeatedInstruction.check(dockerfile, this, "ENTRYPOINT");
  }
}
