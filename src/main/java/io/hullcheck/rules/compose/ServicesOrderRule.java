package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.YMap;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Services not in alphabetical order (case-insensitive). One finding per file, at the first service
 * written after one it should precede. Style only, off by default; no fix, since moving YAML blocks
 * would move their comments and anchors too.
 */
@RuleInfo(
    id = "services-order",
    title = "Services are not in alphabetical order",
    severity = Severity.INFO,
    target = Target.COMPOSE,
    category = Category.STYLE,
    rationale = "In a long file, services in alphabetical order are found without searching.",
    dclint = "services-alphabetical-order",
    enabledByDefault = false)
public final class ServicesOrderRule implements ComposeRule {

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    Optional<YMap> services =
        compose.root() == null ? Optional.empty() : compose.root().map("services");
    if (services.isEmpty()) {
      return List.of();
    }
    List<String> sorted =
        services.get().entries().stream()
            .map(e -> e.name().toLowerCase(Locale.ROOT))
            .distinct()
            .sorted()
            .toList();
    return KeyOrder.first(services.get(), n -> sorted.indexOf(n.toLowerCase(Locale.ROOT)))
        .map(
            m ->
                List.of(
                    finding(
                        compose.source(),
                        m.key().key().span(),
                        "Service "
                            + m.key().name()
                            + " comes after "
                            + m.after().name()
                            + "; keep services in alphabetical order")))
        .orElse(List.of());
  }
}
