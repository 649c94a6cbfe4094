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
import java.util.Map;

/**
 * The top-level keys out of order: {@code version}, {@code name}, {@code include}, then {@code
 * services}, then {@code networks}, {@code volumes}, {@code configs}, {@code secrets} and {@code
 * models} in any order among themselves. Extension keys ({@code x-*}) are not compared: teams put
 * their anchors first or last. One finding per file. Style only, off by default; no fix.
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
  /** Each key's place; the declarations after services share one, so their order is free. */
  static final Map<String, Integer> RANK =
      Map.of(
          "version", 0,
          "name", 1,
          "include", 2,
          "services", 3,
          "networks", 4,
          "volumes", 4,
          "configs", 4,
          "secrets", 4,
          "models", 4);

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    if (compose.root() == null) {
      return List.of();
    }
    return KeyOrder.first(compose.root(), k -> RANK.getOrDefault(k, KeyOrder.UNRANKED))
        .map(
            m ->
                List.of(
                    finding(
                        compose.source(),
                        m.key().key().span(),
                        m.key().name()
                            + " comes after "
                            + m.after().name()
                            + "; put version, name and include first, then services, then the"
                            + " networks, volumes, configs and secrets they use")))
        .orElse(List.of());
  }
}
