package io.hullcheck.rules;

/**
 * What a rule may read besides the model: its options from the policy and the shipped data tables,
 * and whether the caller wants fixes. Immutable.
 *
 * @param fixes false when the caller keeps findings only (the base side of a pull request, or the
 *     engine re-checking a fixed text to verify a fix): a rule may then leave its fixes out rather
 *     than build edits nobody reads. Rules that ignore it stay correct; the engine drops the fixes.
 */
public record RuleContext(Options options, RuleData data, boolean fixes) {

  /** A context for a caller that wants fixes. */
  public RuleContext(Options options, RuleData data) {
    this(options, data, true);
  }

  public static RuleContext defaults() {
    return new RuleContext(Options.empty(), RuleData.empty());
  }

  public RuleContext withOptions(Options o) {
    return new RuleContext(o, data, fixes);
  }

  /** This context for a caller that wants fixes ({@code true}) or findings only. */
  public RuleContext withFixes(boolean wanted) {
    return new RuleContext(options, data, wanted);
  }
}
