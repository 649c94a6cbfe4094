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
 * The top-level keys out of order: {@code version}, {@code name}, {@code include}, {@code
 * services}, {@code networks}, {@code volumes}, {@code configs}, {@code secrets}, {@code models}.
 * Extension keys ({@code x-*}) are not compared: teams put their anchors first or last. One finding
 * per file. Style only, off by default; no fix.
 */
@RuleInfo(
    id = "top-level-keys-order",
    title = "Top-level keys are out of order",
    severity = Severity.INFO,
    target = Target.COMPOSE,
    category = Category.STYLE,
    rationale =
        "With name and services first and the shared resources after them, a reader sees what the"
            + " file runs before what it declares for it.",
    dclint = "top-level-properties-order",
    enabledByDefault = false)
public final class TopLevelKeysOrderRule implements ComposeRule {
  static final List<String> ORDER =
      List.of(
          "version",
          "name",
          "include",
          "services",
          "networks",
          "volumes",
          "configs",
          "secrets",
          "models");

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    if (compose.root() == null) {
      return List.of();
    }
    return KeyOrder.first(compose.root(), ORDER::indexOf)
        .map(
            m ->
                List.of(
                    finding(
                        compose.source(),
                        m.key().key().span(),
                        m.key().name()
                            + " comes after "
                            + m.after().name()
                            + "; put the top-level keys in the order "
                            + String.join(", ", ORDER))))
        .orElse(List.of());
  }
}
