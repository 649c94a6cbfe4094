package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.YScalar;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
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
    return RemovableKey.find(
        this,
        compose,
        context,
        "privileged",
        YScalar::isTrue,
        v ->
            "privileged: true gives the container full access to the host; remove it and add only"
                + " the capabilities (cap_add) or devices the service needs",
        "Remove privileged: true");
  }
}
