package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.YEntry;
import io.hullcheck.compose.YScalar;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.TextEdit;
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
    if (compose.root() == null) {
      return List.of();
    }
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    ValueFindings found = new ValueFindings(this, compose, context);
    for (Service s : compose.services()) {
      YEntry e = s.body().entry("cgroup_parent").orElse(null);
      if (e == null
          || !(e.value() instanceof YScalar v)
          || v.value() == null
          || v.isNull()
          || v.value().isBlank()) {
        continue;
      }
      found.add(
          s,
          "cgroup_parent",
          edits.written(e),
          "cgroup_parent "
              + v.value()
              + " places the container outside the engine's cgroup tree, where the default"
              + " container limits may not apply; remove it unless the host's resource plan"
              + " depends on it",
          () -> fix(edits, e));
    }
    return found.findings();
  }

  private static Fix fix(YamlEdits edits, YEntry e) {
    TextEdit delete = edits.deleteEntry(e);
    return delete == null ? null : Fix.of("Remove cgroup_parent", delete);
  }
}
