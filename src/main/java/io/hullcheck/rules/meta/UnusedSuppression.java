package io.hullcheck.rules.meta;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.List;

/**
 * A suppression pragma that matches no finding, or names a rule that does not exist. The findings
 * come from {@code io.hullcheck.policy.Suppressions}; this class carries the metadata. It applies
 * to Dockerfiles and compose files alike (the target names the first).
 */
@RuleInfo(
    id = "unused-suppression",
    title = "Suppression that matches no finding",
    severity = Severity.INFO,
    target = Target.DOCKERFILE,
    category = Category.CORRECTNESS,
    rationale =
        "A suppression left behind after the problem was fixed hides the next real finding of"
            + " that rule at that place; removing it keeps the file honest.")
public final class UnusedSuppression implements DockerfileRule, ComposeRule {

  /** Nothing: the findings are made where the pragmas are read. */
  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    return List.of();
  }

  /** Nothing: the findings are made where the pragmas are read. */
  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    return List.of();
  }
}
