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

/** More than one CMD in a stage: every one but the last is reported and can be deleted. */
@RuleInfo(
    id = "multiple-cmd",
    title = "More than one CMD in a stage",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.CORRECTNESS,
    fixable = true,
    rationale =
        "Only the last CMD of a stage sets the container's default command; an earlier one is dead code that misleads the reader about what the image runs.",
    hadolint = {"DL4003"},
    trivy = {"DS-0016"},
    kics = {"multiple_cmd_instructions_listed"})
public final class MultipleCmd implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    return RepeatedInstruction.check(dockerfile, this, "CMD");
  }
}
