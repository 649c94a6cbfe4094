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

/** {@code privileged: true} gives the container every capability and every host device. */
@RuleInfo(
    id = "privileged",
    title = "Service runs privileged",
    severity = Severity.ERROR,
    target = Target.COMPOSE,
    category = Category.PRIVILEGES,
    fixable = true,
    rationale =
        "A privileged container has every capability, sees every host device and runs without"
            + " seccomp or AppArmor confinement, so root in it is root on the host.",
    kics = "privileged_containers_enabled",
    cis = "5.5")
public final class PrivilegedRule implements ComposeRule {

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    if (compose.root() == null) {
      return List.of();
    }
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    ValueFindings found = new ValueFindings(this, compose, context);
    for (Service s : compose.services()) {
      YEntry e = s.body().entry("privileged").orElse(null);
      if (e == null || !(e.value() instanceof YScalar v) || !v.isTrue()) {
        continue;
      }
      found.add(
          s,
          "privileged",
          edits.written(e),
          "privileged: true gives the container full access to the host; remove it and add only"
              + " the capabilities (cap_add) or devices the service needs",
          () -> fix(edits, e));
    }
    return found.findings();
  }

  private static Fix fix(YamlEdits edits, YEntry e) {
    TextEdit delete = edits.deleteEntry(e);
    return delete == null ? null : Fix.of("Remove privileged: true", delete);
  }
}
