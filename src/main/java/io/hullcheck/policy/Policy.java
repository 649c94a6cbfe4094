package io.hullcheck.policy;

import io.hullcheck.rules.RuleData;
import io.hullcheck.rules.RuleMeta;
import io.hullcheck.rules.Severity;

/**
 * The effective policy: built-in packs, the team's file and its per-path overrides merged.
 * Immutable and thread-safe.
 */
public interface Policy {

  /** Whether a file (relative, {@code /}-separated path) is checked at all. */
  boolean includes(String path);

  /** How one rule applies to one file. */
  RuleSetting setting(String path, RuleMeta rule);

  /** The lowest severity that fails a scan or a check run; null means never. */
  Severity failOn();

  /** How the App comments on pull requests. */
  ReviewSettings review();

  /** Data tables from {@code policies/} (base-image variants and the like). */
  RuleData data();
}
