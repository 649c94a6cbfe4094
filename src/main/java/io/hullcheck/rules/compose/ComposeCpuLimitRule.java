package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.List;

/**
 * A service without a CPU limit. The fix writes option {@code cpus} (default {@code "0.50"}) in the
 * style the service already uses, or the CPU reservation when that is larger; see {@link
 * ResourceLimitFix} and {@link LimitValue}.
 */
@RuleInfo(
    id = "compose-cpu-limit",
    title = "Service has no CPU limit",
    severity = Severity.INFO,
    target = Target.COMPOSE,
    category = Category.RESOURCE_LIMITS,
    fixable = true,
    rationale =
        "Without a CPU limit one busy or attacked service can take every core of the host and"
            + " starve the other services on it.",
    kics = "cpus_not_limited",
    cis = "5.12")
public final class ComposeCpuLimitRule implements ComposeRule {
  static final String DEFAULT_CPUS = "0.50";

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    String cpus = context.options().getString("cpus", DEFAULT_CPUS);
    return ResourceLimitFix.missing(
        this,
        compose,
        context,
        Service.ResourceLimits::cpus,
        "cpus",
        cpus,
        (s, advice) ->
            "Service "
                + s.name()
                + " has no CPU limit; set deploy.resources.limits.cpus (or cpus) to the share"
                + " of a core it needs, "
                + advice);
  }
}
