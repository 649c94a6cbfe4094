package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.List;

/**
 * A service with a {@code cgroup_parent}: its cgroup is placed under a parent of the user's choice
 * instead of the engine's. An empty value and a variable without default are exempt. The fix
 * removes the key, where it is written (in the anchor when it comes from one).
 */
@RuleInfo(
    id = "cgroup-parent-set",
    title = "Service sets a custom cgroup parent",
    severity = Severity.WARNING,
    target = Target.COMPOSE,
    category = Category.RESOURCE_LIMITS,
    fixable = true,
    rationale =
        "A custom cgroup parent moves the container out of the engine's cgroup tree, so the"
            + " limits the engine and the host set for containers may no longer apply to it, and"
            + " it shares its limits with whatever else runs under that parent.",
    kics = "cgroup_not_default",
    cis = "5.25")
public final class CgroupParentSetRule implements ComposeRule {

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    return RemovableKey.find(
        this,
        compose,
        context,
        "cgroup_parent",
        v -> v.value() != null && !v.isNull() && !v.value().isBlank(),
        v ->
            "cgroup_parent "
                + v.value()
                + " places the container outside the engine's cgroup tree, where the default"
                + " container limits may not apply; remove it unless the host's resource plan"
                + " depends on it",
        "Remove cgroup_parent");
  }
}
