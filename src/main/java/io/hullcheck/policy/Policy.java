package io.hullcheck.policy;

import io.hullcheck.rules.RuleData;
import io.hullcheck.rules.RuleMeta;
import io.hullcheck.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The effective policy: built-in packs, the team's file and its per-path overrides merged.
 * Immutable and thread-safe.
 */
public interface Policy {

  /** Whether a file (relative, {@code /}-separated path) is checked at all. */
  boolean includes(String path);

  /** How one rule applies to one file. */
  RuleSetting setting(String path, RuleMeta rule);

  /**
   * How each of {@code rules} applies to one file, in their order: what {@link #setting} answers
   * for each, which an implementation may compute faster for many rules at once.
   */
  default List<RuleSetting> settings(String path, List<RuleMeta> rules) {
    List<RuleSetting> out = new ArrayList<>(rules.size());
    for (RuleMeta rule : rules) {
      out.add(setting(path, rule));
    }
    return out;
  }

  /** The lowest severity that fails a scan or a check run; null means never. */
  Severity failOn();

  /** How the App comments on pull requests. */
  ReviewSettings review();

  /** Data tables from {@code policies/} (base-image variants and the like). */
  RuleData data();

  /** Whether inline suppressions must give a reason ({@code require_reason}, default true). */
  default boolean requireReason() {
    return true;
  }

  /**
   * hadolint rule ids (such as {@code DL3008}) from the {@code ignored:} list of the team's {@code
   * .hadolint.yaml}; findings of rules whose equivalents include one are suppressed.
   */
  default Set<String> hadolintIgnored() {
    return Set.of();
  }

  /**
   * Why a rule is on or off for a file: each step that decided it, oldest first, e.g. {@code "on by
   * default at warning"}, {@code ".hullcheck.yml:4:3 rules: error"}.
   */
  default List<String> explain(String path, RuleMeta rule) {
    return List.of();
  }
}
