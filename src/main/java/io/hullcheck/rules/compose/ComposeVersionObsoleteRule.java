package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
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
 * A top-level {@code version} key. The Compose specification ignores it and Docker Compose v2
 * prints a warning for it on every run. The fix deletes the line (with any continuation lines of
 * its value). Off by default: it changes nothing at run time.
 */
@RuleInfo(
    id = "compose-version-obsolete",
    title = "Compose file sets the obsolete version key",
    severity = Severity.INFO,
    target = Target.COMPOSE,
    category = Category.STYLE,
    fixable = true,
    rationale =
        "The Compose specification ignores the top-level version key, so it suggests a file"
            + " format and feature set that are not what Compose applies, and docker compose"
            + " warns about it on every run.",
    dclint = "no-version-field",
    enabledByDefault = false)
public final class ComposeVersionObsoleteRule implements ComposeRule {

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    if (compose.root() == null) {
      return List.of();
    }
    YEntry version = compose.root().entry("version").orElse(null);
    if (version == null || version.mergedVia() != null) {
      return List.of();
    }
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    String shown = version.value() instanceof YScalar v && v.raw() != null ? " " + v.raw() : "";
    TextEdit delete = edits.deleteEntry(version);
    return List.of(
        finding(
            compose.source(),
            edits.written(version),
            "The top-level version"
                + shown
                + " is obsolete: Compose ignores it and warns about it; remove the line",
            delete == null ? null : Fix.of("Remove the version line", delete)));
  }
}
