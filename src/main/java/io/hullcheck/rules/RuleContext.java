package io.hullcheck.rules;

import java.util.Optional;

/**
 * What a rule may read besides the model: its options from the policy, the shipped data tables,
 * and, when the caller knows them, the file's build context and the repository around it. Rules
 * that need a context or repository view find nothing without one. Immutable.
 */
public record RuleContext(
    Options options,
    RuleData data,
    Optional<BuildContext> buildContext,
    Optional<RepositoryView> repository) {

  public RuleContext(Options options, RuleData data) {
    this(options, data, Optional.empty(), Optional.empty());
  }

  public static RuleContext defaults() {
    return new RuleContext(Options.empty(), RuleData.empty());
  }

  public RuleContext withOptions(Options o) {
    return new RuleContext(o, data, buildContext, repository);
  }
}
