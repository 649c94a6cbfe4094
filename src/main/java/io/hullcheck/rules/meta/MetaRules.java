package io.hullcheck.rules.meta;

import io.hullcheck.rules.Rule;
import java.util.List;

/** The rules about suppressions themselves, listed explicitly. */
public final class MetaRules {
  private MetaRules() {}

  public static List<Rule> all() {
    return List.of(new SuppressionWithoutReason(), new UnusedSuppression());
  }
}
