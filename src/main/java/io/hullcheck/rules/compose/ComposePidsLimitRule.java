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
 * A service without a PIDs limit ({@code pids_limit} or {@code deploy.resources.limits.pids}). The
 * fix writes option {@code pids} (default {@code 200}) in the style the service already uses; see
 * {@link ResourceLimitFix}. Info and off by default: most services never fork much, and the right
 * number depends on the program (a database with a process per connection needs many).
 */
@RuleInfo(
    id = "compose-pids-limit",
    title = "Service has no PIDs limit",
    severity = Severity.INFO,
    target = Target.COMPOSE,
    category = Category.RESOURCE_LIMITS,
    fixable = true,
    rationale =
        "Without a PIDs limit a fork bomb or a runaway worker pool in one container can use up"
            + " the host's process table, and then no service on the host can start a process.",
    kics = "pids_limit_not_set",
    cis = "5.29",
    enabledByDefault = false)
public final class ComposePidsLimitRule implements ComposeRule {
  static final String DEFAULT_PIDS = "200";

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    String pids = context.options().getString("pids", DEFAULT_PIDS);
    return ResourceLimitFix.missing(
        this,
        compose,
        context,
        Service.ResourceLimits::pids,
        "pids",
        pids,
        (s, advice) ->
            "Service "
                + s.name()
                + " has no PIDs limit; set deploy.resources.limits.pids (or pids_limit) above the"
                + " number of processes and threads it runs, "
                + advice);
  }
}
