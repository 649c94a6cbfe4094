package io.hullcheck.testing;

import io.hullcheck.policy.Policy;
import io.hullcheck.policy.PolicyLoader;
import io.hullcheck.policy.ReviewSettings;
import io.hullcheck.policy.RuleSetting;
import io.hullcheck.rules.Options;
import io.hullcheck.rules.RuleData;
import io.hullcheck.rules.RuleMeta;
import io.hullcheck.rules.Severity;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A policy for tests: chosen rules on at their default severity, everything else off. Options and
 * data tables come from the built-in {@code default} pack, so rules see what users get.
 */
public final class TestPolicy implements Policy {
  private final Predicate<RuleMeta> enabled;
  private final Map<String, Options> options;
  private final Map<String, Severity> severities;
  private final Predicate<String> included;
  private final Severity failOn;
  private final Policy builtin;

  private TestPolicy(
      Predicate<RuleMeta> enabled,
      Map<String, Options> options,
      Map<String, Severity> severities,
      Predicate<String> included,
      Severity failOn) {
    this.enabled = enabled;
    this.options = Map.copyOf(options);
    this.severities = Map.copyOf(severities);
    this.included = included;
    this.failOn = failOn;
    this.builtin = PolicyLoader.builtin("default");
  }

  /** Only these rules, at their default severities. */
  public static TestPolicy only(String... ruleIds) {
    Set<String> ids = Set.of(ruleIds);
    return new TestPolicy(m -> ids.contains(m.id()), Map.of(), Map.of(), p -> true, Severity.ERROR);
  }

  /** Every rule that is on by default. */
  public static TestPolicy defaults() {
    return new TestPolicy(
        RuleMeta::enabledByDefault, Map.of(), Map.of(), p -> true, Severity.ERROR);
  }

  public TestPolicy withSeverities(Map<String, Severity> s) {
    return new TestPolicy(enabled, options, s, included, failOn);
  }

  public TestPolicy excluding(Predicate<String> path) {
    return new TestPolicy(enabled, options, severities, included.and(path.negate()), failOn);
  }

  public TestPolicy failingOn(Severity s) {
    return new TestPolicy(enabled, options, severities, included, s);
  }

  /** Options for one rule, instead of the default pack's. */
  public TestPolicy withOptions(String ruleId, Map<String, Object> values) {
    Map<String, Options> o = new java.util.HashMap<>(options);
    o.put(ruleId, new Options(values));
    return new TestPolicy(enabled, o, severities, included, failOn);
  }

  @Override
  public boolean includes(String path) {
    return included.test(path);
  }

  @Override
  public RuleSetting setting(String path, RuleMeta rule) {
    if (!enabled.test(rule)) {
      return RuleSetting.off();
    }
    Options options = this.options.getOrDefault(rule.id(), Options.empty());
    if (!this.options.containsKey(rule.id())) {
      RuleSetting b = builtin.setting(path, rule);
      if (b != null && b.options() != null) {
        options = b.options();
      }
    }
    return new RuleSetting(true, severities.getOrDefault(rule.id(), rule.severity()), options);
  }

  @Override
  public Severity failOn() {
    return failOn;
  }

  @Override
  public ReviewSettings review() {
    return ReviewSettings.defaults();
  }

  @Override
  public RuleData data() {
    return builtin.data();
  }
}
