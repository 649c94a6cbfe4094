package io.hullcheck.engine;

import io.hullcheck.policy.Policy;
import io.hullcheck.rules.Rule;
import java.util.List;

/**
 * Runs rules over files under a policy: parses each file once, runs each enabled rule (a rule that
 * throws becomes an internal-error finding; the others still run), applies severities and
 * suppressions, and keeps a rule's fix only after verifying it. Thread-safe.
 */
public final class Engine {
  private final List<Rule> rules;

  public Engine(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  public List<Rule> rules() {
    return rules;
  }

  public ScanResult check(List<InputFile> files, Policy policy) {
    throw new UnsupportedOperationException("being written: see issue 2");
  }
}
