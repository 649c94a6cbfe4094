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
 * A suppression pragma that gives no reason. The findings come from {@code
 * io.hullcheck.policy.Suppressions}, which sees the pragmas; this class carries the rule's metadata
 * so it can be configured, documented and listed like any other. It applies to Dockerfiles and
 * compose files alike (the target names the first).
 */
@RuleInfo(
    id = "suppression-without-reason",
    title = "Suppression without a reason",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.CORRECTNESS,
    rationale =
        "A suppression hides a finding from every later reader; the reason after `--` tells them"
            + " whether it still holds, so stale ones can be removed with confidence.",
    hadolint = {"DL1001"})
public final class SuppressionWithoutReason implements DockerfileRule, ComposeRule {

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
