package io.hullcheck.policy;

import io.hullcheck.rules.RuleMeta;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Migration from hadolint: reads the team's {@code .hadolint.yaml} so the decisions written there
 * carry over through each rule's hadolint equivalents. {@code ignored:} keeps findings suppressed;
 * {@code override:} ({@code error}, {@code warning}, {@code info}, {@code style} lists) sets the
 * level of the matching rules, turning them on; {@code trustedRegistries:} turns on {@code
 * untrusted-registry} with that list; {@code failure-threshold:} becomes {@code fail_on} unless a
 * Hullcheck file sets it. These form one layer between the built-in packs and the team's Hullcheck
 * file, which wins. Other keys are hadolint's business and are not checked.
 */
final class Hadolint {
  private Hadolint() {}

  /**
   * @param ignored the hadolint ids listed, e.g. {@code DL3008}
   * @param source the hadolint config read, or null when none
   */
  record Result(
      Set<String> ignored,
      String source,
      List<PolicyError> errors,
      PolicyFile.Layer layer,
      String failOn) {
    static Result none() {
      return new Result(Set.of(), null, List.of(), null, null);
    }
  }

  /** hadolint's severity names, mapped to Hullcheck levels; {@code style} has no own level. */
  private static final Map<String, Level> OVERRIDE_LEVELS =
      Map.of(
          "error", Level.ERROR, "warning", Level.WARNING, "info", Level.INFO, "style", Level.INFO);

  /** hadolint's {@code failure-threshold} values, mapped to {@code fail_on}. */
  private static final Map<String, String> THRESHOLDS =
      Map.of(
          "error", "error",
          "warning", "warning",
          "info", "info",
          "style", "info",
          "ignore", "never",
          "none", "never");

  /**
   * The hadolint config named by {@code hadolint.config} in {@code file} (an error when it does not
   * exist), else the first of {@link PolicyLoader#HADOLINT_LOCATIONS} that exists, else none.
   */
  static Result read(PolicyFile file, PolicyLoader.RepoFiles files, Collection<RuleMeta> cat) {
    if (file != null && file.hadolintConfig() != null) {
      String path = file.hadolintConfig();
      Optional<String> text = files.read(path);
      if (text.isEmpty()) {
        PolicyError at = file.hadolintConfigAt();
        return new Result(
            Set.of(),
            null,
            List.of(
                new PolicyError(
                    at.path(),
                    at.line(),
                    at.column(),
                    "`hadolint.config` names `"
                        + path
                        + "`, which does not exist in the "
                        + "repository")),
            null,
            null);
      }
      return parse(path, text.get(), cat);
    }
    for (String path : PolicyLoader.HADOLINT_LOCATIONS) {
      Optional<String> text = files.read(path);
      if (text.isPresent()) {
        return parse(path, text.get(), cat);
      }
    }
    return Result.none();
  }

  static Result parse(String path, String text, Collection<RuleMeta> catalogue) {
    Node root;
    try {
      root =
          new Compose(LoadSettings.builder().setLabel(path).build())
              .composeString(text)
              .orElse(null);
    } catch (MarkedYamlEngineException e) {
      Mark m = e.getProblemMark().orElse(null);
      return failed(
          path,
          m == null ? 1 : m.getLine() + 1,
          m == null ? 1 : m.getColumn() + 1,
          "not valid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      return failed(path, 1, 1, "not valid YAML: " + e.getMessage());
    }
    Set<String> ignored = new LinkedHashSet<>();
    Map<String, PolicyFile.RuleEntry> rules = new LinkedHashMap<>();
    String failOn = null;
    if (!(root instanceof MappingNode map)) {
      return new Result(ignored, path, List.of(), null, null);
    }
    List<PolicyError> errors = new ArrayList<>();
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        continue;
      }
      Node v = t.getValueNode();
      switch (k.getValue()) {
        case "ignored" -> ignored.addAll(ids(path, v, "`ignored`", RULE_IDS, errors));
        case "override" -> override(path, v, catalogue, rules, errors);
        case "trustedRegistries" -> {
          List<String> registries = ids(path, v, "`trustedRegistries`", REGISTRIES, errors);
          if (!registries.isEmpty()) {
            rules.put(
                REGISTRY_RULE,
                new PolicyFile.RuleEntry(
                    Level.ERROR,
                    Map.of(EffectivePolicy.REGISTRIES_OPTION, List.copyOf(registries)),
                    at(path, v) + " trustedRegistries"));
          }
        }
        case "failure-threshold" -> {
          String value = v instanceof ScalarNode s ? THRESHOLDS.get(s.getValue().trim()) : null;
          if (value == null) {
            errors.add(
                error(
                    path,
                    v,
                    "`failure-threshold` must be one of error, warning, info, style, ignore,"
                        + " none"));
          } else {
            failOn = value;
          }
        }
        default -> {
          // hadolint's own settings (format, no-color, label-schema, ...): not ours to judge.
        }
      }
    }
    if (!errors.isEmpty()) {
      return new Result(Set.of(), path, List.copyOf(errors), null, null);
    }
    PolicyFile.Layer layer =
        rules.isEmpty()
            ? null
            : new PolicyFile.Layer(path, null, Map.of(), Map.copyOf(rules), null, null);
    return new Result(Set.copyOf(ignored), path, List.of(), layer, failOn);
  }

  /** The rule that hadolint's {@code trustedRegistries} (DL3026) configures. */
  private static final String REGISTRY_RULE = "untrusted-registry";

  /** {@code override: {error: [DL3008], ...}}: each listed id sets the level of its rules. */
  private static void override(
      String path,
      Node v,
      Collection<RuleMeta> catalogue,
      Map<String, PolicyFile.RuleEntry> rules,
      List<PolicyError> errors) {
    if (!(v instanceof MappingNode m)) {
      errors.add(error(path, v, "`override` must map error, warning, info or style to rule ids"));
      return;
    }
    for (NodeTuple t : m.getValue()) {
      String name = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
      Level level = OVERRIDE_LEVELS.get(name);
      if (level == null) {
        errors.add(
            error(
                path,
                t.getKeyNode(),
                "unknown key `" + name + "` in `override`; allowed: error, warning, info, style"));
        continue;
      }
      for (String id : ids(path, t.getValueNode(), "`override." + name + "`", RULE_IDS, errors)) {
        for (RuleMeta rule : catalogue) {
          if (rule.equivalents().getOrDefault("hadolint", List.of()).contains(id)) {
            rules.put(
                rule.id(),
                new PolicyFile.RuleEntry(
                    level, null, at(path, t.getValueNode()) + " override." + name + " " + id));
          }
        }
      }
    }
  }

  private static final String RULE_IDS = "hadolint rule ids such as DL3008";
  private static final String REGISTRIES = "registries such as docker.io";

  /** A list of hadolint ids or registry names; an error when it is not a list of scalars. */
  private static List<String> ids(
      String path, Node v, String what, String kind, List<PolicyError> errors) {
    List<String> out = new ArrayList<>();
    if (!(v instanceof SequenceNode seq)) {
      errors.add(error(path, v, what + " must be a list of " + kind));
      return out;
    }
    for (Node item : seq.getValue()) {
      if (!(item instanceof ScalarNode s)) {
        errors.add(error(path, item, what + " must list " + kind));
        continue;
      }
      out.add(s.getValue().trim());
    }
    return out;
  }

  private static PolicyError error(String path, Node n, String message) {
    return new PolicyError(path, line(n), column(n), message);
  }

  private static String at(String path, Node n) {
    return path + ":" + line(n) + ":" + column(n);
  }

  private static Result failed(String path, int line, int column, String message) {
    return new Result(
        Set.of(), path, List.of(new PolicyError(path, line, column, message)), null, null);
  }

  private static int line(Node n) {
    return n.getStartMark().map(m -> m.getLine() + 1).orElse(1);
  }

  private static int column(Node n) {
    return n.getStartMark().map(m -> m.getColumn() + 1).orElse(1);
  }
}
