package io.hullcheck.rules.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.engine.Engine;
import io.hullcheck.engine.FileKind;
import io.hullcheck.engine.Fixer;
import io.hullcheck.engine.InputFile;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Rule;
import io.hullcheck.testing.Fixtures;
import io.hullcheck.testing.TestPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What {@code hullcheck fix} does to the Dockerfile fixtures with every Dockerfile rule on: the
 * fixes of different rules are applied together, so this checks they compose. After fixing, the
 * file parses, every rule whose fix was offered reports nothing more, and no fix is left.
 */
class DockerfileFixTogetherTest {
  private static final List<String> FIXABLE =
      List.of("user-root", "healthcheck-missing", "base-image-full");

  @TestFactory
  Stream<DynamicTest> fixesCompose() {
    List<Rule> rules = new ArrayList<>(DockerfileRules.all());
    String[] ids = rules.stream().map(r -> r.meta().id()).toArray(String[]::new);
    Engine engine = new Engine(rules);
    TestPolicy policy = TestPolicy.only(ids);
    List<DynamicTest> tests = new ArrayList<>();
    for (String id : FIXABLE) {
      for (Path root : List.of(Fixtures.FIXTURES, Fixtures.FIXES)) {
        Path dir = root.resolve(id);
        for (Path file : Fixtures.files(dir)) {
          if (file.toString().endsWith(".after.Dockerfile")) {
            continue;
          }
          tests.add(
              DynamicTest.dynamicTest(
                  root.getFileName() + "/" + id + "/" + file.getFileName(),
                  () -> fixTogether(engine, policy, root, file, id)));
        }
      }
    }
    return tests.stream();
  }

  private static void fixTogether(
      Engine engine, TestPolicy policy, Path root, Path file, String ruleId) {
    InputFile input = Fixtures.input(root, file, FileKind.DOCKERFILE);
    Set<String> offered =
        engine.checkFile(input, policy).findings().stream()
            .filter(f -> f.fix() != null)
            .map(Finding::ruleId)
            .collect(Collectors.toCollection(TreeSet::new));
    if (root.equals(Fixtures.FIXES)) {
      assertTrue(offered.contains(ruleId), "the fix pair's own fix survives verification");
    }
    Fixer.Outcome outcome = new Fixer(engine).fix(input, policy);
    assertEquals(!offered.isEmpty(), outcome.changed(), "changed exactly when a fix was offered");
    Engine.FileResult after = engine.checkFile(input.withText(outcome.fixed()), policy);
    assertEquals(List.of(), after.problems(), "the fixed file parses");
    for (Finding f : after.findings()) {
      assertTrue(f.fix() == null, () -> "a fix is left: " + f.ruleId() + " " + f.message());
      assertTrue(
          !offered.contains(f.ruleId()),
          () -> f.ruleId() + " still reports after its fix: " + f.message());
    }
  }
}
