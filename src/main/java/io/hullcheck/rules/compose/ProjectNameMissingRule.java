package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.YEntry;
import io.hullcheck.compose.YMap;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.List;

/**
 * A compose file with {@code services} but no top-level {@code name}, reported at the {@code
 * services} key. Style, off by default: override files and files run with {@code -p} do not need
 * one. No fix: the name is the team's choice.
 */
@RuleInfo(
    id = "project-name-missing",
    title = "Compose file has no project name",
    severity = Severity.INFO,
    target = Target.COMPOSE,
    category = Category.STYLE,
    rationale =
        "Without a name the project is named after the directory, so the same file run from two"
            + " checkouts shares containers, networks and volumes, or a renamed directory loses"
            + " them.",
    dclint = "require-project-name-field",
    enabledByDefault = false)
public final class ProjectNameMissingRule implements ComposeRule {

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    YMap root = compose.root();
    if (root == null || root.entry("name").isPresent()) {
      return List.of();
    }
    YEntry services = root.entry("services").orElse(null);
    if (services == null) {
      return List.of();
    }
    return List.of(
        finding(
            compose.source(),
            services.key().span(),
            "The file has no top-level name, so the project is named after its directory; add"
                + " name: <project> at the top"));
  }
}
