package io.hullcheck.policy;

import io.hullcheck.rules.RuleMeta;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
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
 * Migration from hadolint: reads the {@code ignored:} list of the team's {@code .hadolint.yaml} so
 * findings of rules whose hadolint equivalents are listed stay suppressed. Only that key is read;
 * the rest of the file is hadolint's business and is not checked.
 */
final class Hadolint {
  private Hadolint() {}

  /**
   * @param ignored the hadolint ids listed, e.g. {@code DL3008}
   * @param source the hadolint config read, or null when none
   */
  record Result(Set<String> ignored, String source, List<PolicyError> errors) {}

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
                        + "repository")));
      }
      return parse(path, text.get());
    }
    for (String path : PolicyLoader.HADOLINT_LOCATIONS) {
      Optional<String> text = files.read(path);
      if (text.isPresent()) {
        return parse(path, text.get());
      }
    }
    return new Result(Set.of(), null, List.of());
  }

  static Result parse(String path, String text) {
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
    if (!(root instanceof MappingNode map)) {
      return new Result(ignored, path, List.of());
    }
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k) || !k.getValue().equals("ignored")) {
        continue;
      }
      Node v = t.getValueNode();
      if (!(v instanceof SequenceNode seq)) {
        return failed(path, line(v), column(v), "`ignored` must be a list of hadolint rule ids");
      }
      for (Node item : seq.getValue()) {
        if (!(item instanceof ScalarNode s)) {
          return failed(
              path,
              line(item),
              column(item),
              "`ignored` must list hadolint rule ids such as DL3008");
        }
        ignored.add(s.getValue().trim());
      }
    }
    return new Result(Set.copyOf(ignored), path, List.of());
  }

  private static Result failed(String path, int line, int column, String message) {
    return new Result(Set.of(), path, List.of(new PolicyError(path, line, column, message)));
  }

  private static int line(Node n) {
    return n.getStartMark().map(m -> m.getLine() + 1).orElse(1);
  }

  private static int column(Node n) {
    return n.getStartMark().map(m -> m.getColumn() + 1).orElse(1);
  }
}
