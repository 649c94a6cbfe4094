package io.hullcheck.rules;

/**
 * What a rule may read besides the model: its options from the policy, the shipped data tables, and
 * the answers of an image registry ({@link ImageRegistry#OFFLINE} unless the engine was given a
 * client). Immutable.
 */
public record RuleContext(Options options, RuleData data, ImageRegistry registry) {
  public RuleContext {
    registry = registry == null ? ImageRegistry.OFFLINE : registry;
  }

  /** A context without registry lookups. */
  public RuleContext(Options options, RuleData data) {
    this(options, data, ImageRegistry.OFFLINE);
  }

  public static RuleContext defaults() {
    return new RuleContext(Options.empty(), RuleData.empty());
  }

  public RuleContext withOptions(Options o) {
    return new RuleContext(o, data, registry);
  }
}
