package io.hullcheck.policy;

import io.hullcheck.policy.PolicyFile.Layer;
import io.hullcheck.policy.PolicyFile.RuleEntry;
import io.hullcheck.policy.PolicyFile.Setting;
import io.hullcheck.rules.Options;
import io.hullcheck.rules.RuleData;
import io.hullcheck.rules.RuleMeta;
import io.hullcheck.rules.Severity;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A policy merged from its layers: the catalogue's defaults, then each pack's and the file's main
 * section and overrides in order. A later layer wins; within one layer a rule's own entry wins over
 * its category's. Options merge key by key. Immutable and thread-safe.
 */
final class EffectivePolicy implements Policy {
  /** The rules that {@code trusted_registries} turns on and configures. */
  static final Set<String> REGISTRY_RULES =
      Set.of("untrusted-registry", "compose-untrusted-registry");

  /** The option through which those rules receive the trusted list. */
  static final String REGISTRIES_OPTION = "registries";

  private final String source;
  private final List<String> packs;
  private final List<Layer> layers;
  private final List<Glob> include;
  private final List<Glob> exclude;
  private final Severity failOn;
  private final ReviewSettings review;
  private final RuleData data;
  private final boolean requireReason;
  private final Set<String> hadolintIgnored;
  private final String hadolintSource;

  /**
   * Settings already resolved, by the set of layers that apply to a path and then by rule id. A
   * setting depends only on the rule and on which layers apply, so every file matched by the same
   * overrides (with no overrides: every file) shares one resolution; the engine asks for each rule
   * of each file, and resolving anew was a few percent of checking. An entry serves only the very
   * {@link RuleMeta} it was resolved for. Bounded: past {@link #CACHED_LAYER_SETS} layer sets,
   * settings are resolved without caching.
   */
  private final Map<BitSet, Map<String, Resolved>> resolved = new ConcurrentHashMap<>();

  private static final int CACHED_LAYER_SETS = 256;

  private record Resolved(RuleMeta rule, RuleSetting setting) {}

  EffectivePolicy(
      String source,
      List<String> packs,
      List<Layer> layers,
      List<Glob> include,
      List<Glob> exclude,
      Severity failOn,
      ReviewSettings review,
      RuleData data,
      boolean requireReason,
      Set<String> hadolintIgnored,
      String hadolintSource) {
    this.source = source;
    this.packs = List.copyOf(packs);
    this.layers = List.copyOf(layers);
    this.include = List.copyOf(include);
    this.exclude = List.copyOf(exclude);
    this.failOn = failOn;
    this.review = review;
    this.data = data;
    this.requireReason = requireReason;
    this.hadolintIgnored = Set.copyOf(hadolintIgnored);
    this.hadolintSource = hadolintSource;
  }

  @Override
  public boolean includes(String path) {
    if (!include.isEmpty() && include.stream().noneMatch(g -> g.matches(path))) {
      return false;
    }
    return exclude.stream().noneMatch(g -> g.matches(path));
  }

  @Override
  public RuleSetting setting(String path, RuleMeta rule) {
    return setting(cacheFor(applying(path)), path, rule);
  }

  /** Matches the path against the layers and finds their cache once, not once per rule. */
  @Override
  public List<RuleSetting> settings(String path, List<RuleMeta> rules) {
    BitSet applying = applying(path);
    ListKey key = new ListKey(applying, rules);
    List<RuleSetting> cached = lists.get(key);
    if (cached != null) {
      return cached;
    }
    Map<String, Resolved> byRule = cacheFor(applying);
    List<RuleSetting> out = new ArrayList<>(rules.size());
    for (RuleMeta rule : rules) {
      out.add(setting(byRule, path, rule));
    }
    // A list holds nulls for rules without a setting, so it is wrapped rather than copied.
    List<RuleSetting> list = java.util.Collections.unmodifiableList(out);
    if (byRule != null && lists.size() < CACHED_LAYER_SETS) {
      lists.putIfAbsent(key, list);
    }
    return list;
  }

  /**
   * The lists {@link #settings(String, List)} returned, by layer set and by the identity of the
   * rule list: the engine asks once per file with the same list of rules, so every file matched by
   * the same overrides gets the same list back (and the engine can reuse what it built from it).
   */
  private final Map<ListKey, List<RuleSetting>> lists = new ConcurrentHashMap<>();

  /** A layer set and a rule list compared by identity. */
  private record ListKey(BitSet applying, List<RuleMeta> rules) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ListKey k && k.applying.equals(applying) && k.rules == rules;
    }

    @Override
    public int hashCode() {
      return applying.hashCode() * 31 + System.identityHashCode(rules);
    }
  }

  /** The layers that apply to the path (to no path: those without {@code files}). */
  private BitSet applying(String path) {
    BitSet applying = new BitSet(layers.size());
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      if (path != null ? layer.appliesTo(path) : layer.files() == null) {
        applying.set(i);
      }
    }
    return applying;
  }

  /** The settings resolved for this set of layers, or null when the cache is full. */
  private Map<String, Resolved> cacheFor(BitSet applying) {
    Map<String, Resolved> byRule = resolved.get(applying);
    if (byRule == null && resolved.size() < CACHED_LAYER_SETS) {
      byRule = resolved.computeIfAbsent(applying, k -> new ConcurrentHashMap<>());
    }
    return byRule;
  }

  private RuleSetting setting(Map<String, Resolved> byRule, String path, RuleMeta rule) {
    if (byRule == null) {
      return resolve(path, rule, null);
    }
    Resolved r = byRule.get(rule.id());
    if (r == null || r.rule() != rule) {
      r = new Resolved(rule, resolve(path, rule, null));
      byRule.put(rule.id(), r);
    }
    return r.setting();
  }

  @Override
  public List<String> explain(String path, RuleMeta rule) {
    List<String> why = new ArrayList<>();
    resolve(path, rule, why);
    return why;
  }

  /** Applies the layers in order; when {@code why} is given, records each step that decided. */
  private RuleSetting resolve(String path, RuleMeta rule, List<String> why) {
    boolean on = rule.enabledByDefault();
    Severity severity = rule.severity();
    Map<String, Object> options = new LinkedHashMap<>();
    note(why, on ? "on by default at " + severity.id() : "off by default");
    for (Layer layer : layers) {
      if (path != null ? !layer.appliesTo(path) : layer.files() != null) {
        continue;
      }
      if (layer.trustedRegistries() != null && REGISTRY_RULES.contains(rule.id())) {
        on = true;
        options.put(REGISTRIES_OPTION, layer.trustedRegistries());
        note(why, layer.trustedAt() + " trusted_registries turns it on");
      }
      Setting category = layer.categories().get(rule.category().id());
      if (category != null) {
        on = category.level() != Level.OFF;
        severity = on ? category.level().severity() : severity;
        note(
            why,
            category.at()
                + " categories."
                + rule.category().id()
                + ": "
                + category.level().id()
                + scope(layer));
      }
      RuleEntry entry = layer.rules().get(rule.id());
      if (entry != null) {
        if (entry.level() != null) {
          on = entry.level() != Level.OFF;
          severity = on ? entry.level().severity() : severity;
        }
        if (entry.options() != null) {
          options.putAll(entry.options());
        }
        note(
            why,
            entry.at()
                + " rules."
                + rule.id()
                + ": "
                + (entry.level() == null ? "" : entry.level().id())
                + (entry.options() == null
                    ? ""
                    : (entry.level() == null ? "" : " ") + "options " + entry.options())
                + scope(layer));
      }
    }
    return on ? new RuleSetting(true, severity, new Options(options)) : RuleSetting.off();
  }

  private static String scope(Layer layer) {
    return layer.files() == null ? "" : " (override for " + globs(layer.files()) + ")";
  }

  static String globs(List<Glob> globs) {
    return String.join(", ", globs.stream().map(Glob::pattern).toList());
  }

  private static void note(List<String> why, String step) {
    if (why != null) {
      why.add(step);
    }
  }

  @Override
  public Severity failOn() {
    return failOn;
  }

  @Override
  public ReviewSettings review() {
    return review;
  }

  @Override
  public RuleData data() {
    return data;
  }

  @Override
  public boolean requireReason() {
    return requireReason;
  }

  @Override
  public Set<String> hadolintIgnored() {
    return hadolintIgnored;
  }

  /** The policy file used, or null for the built-in default. */
  String source() {
    return source;
  }

  /** The packs merged in, in the order applied. */
  List<String> packs() {
    return packs;
  }

  /** The overrides, in order, for {@code config --print}. */
  List<Layer> overrides() {
    return layers.stream().filter(l -> l.files() != null).toList();
  }

  List<Glob> include() {
    return include;
  }

  List<Glob> exclude() {
    return exclude;
  }

  /** The hadolint config whose ignored list is honoured, or null. */
  String hadolintSource() {
    return hadolintSource;
  }
}
