package io.hullcheck.policy;

import io.hullcheck.rules.Options;
import io.hullcheck.rules.Severity;

/** How one rule applies to one file: off, or on at a severity with options. */
public record RuleSetting(boolean enabled, Severity severity, Options options) {
  public static RuleSetting off() {
    return new RuleSetting(false, null, Options.empty());
  }
}
