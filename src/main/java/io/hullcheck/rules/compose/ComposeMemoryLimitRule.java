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
 * A service without a memory limit. The fix writes option {@code memory} (default {@code 512M}) in
 * the style the service already uses, or the memory reservation when that is larger; see {@link
 * ResourceLimitFix} and {@link LimitValue}.
 */
@RuleInfo(
    id = "compose-memory-limit",
    title = "Service has no memory limit",
    severity = Severity.WARNING,
    target = Target.COMPOSE,
    category = Category.RESOURCE_LIMITS,
    fixable = true,
    rationale =
        "Without a memory limit one leaking or attacked service can use all of the host's memory,"
            + " and the kernel's out-of-memory killer then picks victims among every service on"
            + " it.",
    kics = "memory_not_limited",
    cis = "5.11")
public final class ComposeMemoryLimitRule implements ComposeRule {
  static final String DEFAULT_MEMORY = "512M";

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    String memory = context.options().getString("memory", DEFAULT_MEMORY);
    return ResourceLimitFix.missing(
        this,
        compose,
        context,
        Service.ResourceLimits::memory,
        "memory",
        memory,
        (s, advice) ->
            "Service "
                + s.name()
                + " has no memory limit; set deploy.resources.limits.memory (or mem_limit) to"
                + " what it needs, "
                + advice);
  }
}
