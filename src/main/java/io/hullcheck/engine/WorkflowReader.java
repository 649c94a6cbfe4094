package io.hullcheck.engine;

import io.hullcheck.rules.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a GitHub Actions workflow into the words a rule needs: every {@code uses:} and {@code run:}
 * value under {@code jobs} (steps, and reusable workflows called by a job). A file that does not
 * parse becomes an unreadable workflow and a problem with its line and column.
 */
final class WorkflowReader {
  private static final LoadSettings SETTINGS =
      LoadSettings.builder()
          .setMaxAliasesForCollections(50)
          .setCodePointLimit(1_000_000)
          .setAllowDuplicateKeys(true)
          .build();

  private WorkflowReader() {}

  /** The workflow, and the problem that made it unreadable (or null). */
  record Read(Workflow workflow, FileProblem problem) {}

  static Read read(String path, String text) {
    Object root;
    try {
      root = new Load(SETTINGS).loadFromString(text);
    } catch (MarkedYamlEngineException e) {
      Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
      int line = mark == null ? 1 : mark.getLine() + 1;
      int column = mark == null ? 1 : mark.getColumn() + 1;
      return unreadable(path, line, column, e.getProblem());
    } catch (YamlEngineException e) {
      return unreadable(path, 1, 1, String.valueOf(e.getMessage()));
    }
    List<String> uses = new ArrayList<>();
    List<String> runs = new ArrayList<>();
    if (root instanceof Map<?, ?> top && top.get("jobs") != null) {
      collect(top.get("jobs"), uses, runs);
    }
    return new Read(new Workflow(path, uses, runs, true), null);
  }

  private static Read unreadable(String path, int line, int column, String why) {
    return new Read(
        Workflow.unreadable(path),
        new FileProblem(
            path,
            line,
            column,
            "cannot read this workflow as YAML ("
                + why
                + "); whether it runs an image scanner is unknown"));
  }

  private static void collect(Object node, List<String> uses, List<String> runs) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if ("uses".equals(e.getKey()) && e.getValue() instanceof String s) {
          uses.add(s);
        } else if ("run".equals(e.getKey()) && e.getValue() instanceof String s) {
          runs.add(s);
        } else {
          collect(e.getValue(), uses, runs);
        }
      }
    } else if (node instanceof List<?> list) {
      list.forEach(item -> collect(item, uses, runs));
    }
  }
}
