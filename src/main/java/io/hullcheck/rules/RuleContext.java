package io.hullcheck.rules;

/**
 * What a rule may read besides the model: its options from the policy and the shipped data tables.
 * Immutable.
 */
public record RuleContext(Options options, RuleData data) {
  public static RuleContext defaults() {
    return new RuleContext(Options.empty(), RuleData.empty());
  }

  public RuleContext withOptions(Options o) {
    return new RuleContext(o, data);
  }
}
