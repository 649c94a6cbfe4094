package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.YEntry;
import io.hullcheck.compose.YMap;
import io.hullcheck.compose.YScalar;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.List;

/**
 * A restart policy that restarts a failing container without end: {@code restart: always}, {@code
 * unless-stopped} or {@code on-failure} without a count, or a {@code deploy.restart_policy} whose
 * condition is not {@code none} and that has no {@code max_attempts}. A service without any policy
 * is never restarted and is not reported. Unknown values are exempt. Info and off by default:
 * {@code unless-stopped} is what most long-running services want. No fix: a bounded policy stops
 * restarting after the count, which changes how the service behaves after a host reboot.
 */
@RuleInfo(
    id = "restart-unbounded",
    title = "Restart policy retries without limit",
    severity = Severity.INFO,
    target = Target.COMPOSE,
    category = Category.RESOURCE_LIMITS,
    rationale =
        "A container that crashes at start is restarted over and over, using CPU and filling"
            + " logs while hiding the failure; a bounded on-failure policy stops after a few"
            + " attempts so the failure shows.",
    kics = "restart_policy_on_failure_not_set_to_5",
    cis = "5.15",
    enabledByDefault = false)
public final class RestartUnboundedRule implements ComposeRule {

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    if (compose.root() == null) {
      return List.of();
    }
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    ValueFindings found = new ValueFindings(this, compose, context);
    for (Service s : compose.services()) {
      YEntry restart = s.body().entry("restart").orElse(null);
      if (restart != null) {
        if (restart.value() instanceof YScalar v && unbounded(v.value())) {
          found.add(s, "restart", edits.written(restart), message("restart: " + v.value()), null);
        }
        continue;
      }
      YEntry policy = s.body().map("deploy").flatMap(d -> d.entry("restart_policy")).orElse(null);
      if (policy != null && policy.value() instanceof YMap p && unbounded(p)) {
        found.add(
            s,
            "deploy",
            edits.written(policy),
            message("deploy.restart_policy without max_attempts"),
            null);
      }
    }
    return found.findings();
  }

  private static boolean unbounded(String restart) {
    return restart != null
        && (restart.equals("always")
            || restart.equals("unless-stopped")
            || restart.equals("on-failure"));
  }

  /** A swarm-style policy that restarts (condition any or on-failure) with no attempt limit. */
  private static boolean unbounded(YMap policy) {
    String condition = policy.scalar("condition").map(YScalar::value).orElse("any");
    if (condition == null || condition.equals("none")) {
      return false;
    }
    YScalar max = policy.scalar("max_attempts").orElse(null);
    return max == null || max.isNull() || "0".equals(max.value());
  }

  private static String message(String what) {
    return what
        + " restarts a crashing container without end, which hides the failure; use restart:"
        + " on-failure:5 (or deploy.restart_policy.max_attempts: 5) if the service should give up"
        + " and show the failure";
  }
}
