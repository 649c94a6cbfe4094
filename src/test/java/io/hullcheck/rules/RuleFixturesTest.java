package io.hullcheck.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hullcheck.engine.Engine;
import io.hullcheck.engine.FileKind;
import io.hullcheck.engine.Fixer;
import io.hullcheck.engine.InputFile;
import io.hullcheck.engine.ScanResult;
import io.hullcheck.registry.RegistryClient;
import io.hullcheck.testing.FakeRegistry;
import io.hullcheck.testing.Fixtures;
import io.hullcheck.testing.TestPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One dynamic test per rule fixture and per fix pair; the layout and marker rules are in {@link
 * Fixtures}.
 */
class RuleFixturesTest {
  private static final Map<String, Rule> RULES = Fixtures.knownRules();
  private static FakeRegistry registry;

  @TestFactory
  Stream<DynamicNode> fixtures() {
    return Fixtures.dirs(Fixtures.FIXTURES).stream()
        .map(
            dir ->
                DynamicContainer.dynamicContainer(dir.getFileName().toString(), fixturesIn(dir)));
  }

  @TestFactory
  Stream<DynamicNode> fixPairs() {
    return Fixtures.dirs(Fixtures.FIXES).stream()
        .map(
            dir ->
                DynamicContainer.dynamicContainer(
                    dir.getFileName().toString(), pairsIn(dir, ImageRegistry.OFFLINE)));
  }

  /** Fix pairs that need registry lookups, against a fake registry on loopback. */
  @TestFactory
  Stream<DynamicNode> onlineFixPairs() {
    registry = FakeRegistry.start();
    ImageRegistry client =
        new RegistryClient(
            RegistryClient.Config.defaults()
                .withEndpoints(Map.of("docker.io", registry.url(), "ghcr.io", registry.url())));
    return Fixtures.dirs(Fixtures.ONLINE_FIXES).stream()
        .map(
            dir ->
                DynamicContainer.dynamicContainer(
                    dir.getFileName().toString(), pairsIn(dir, client)));
  }

  @AfterAll
  static void stopRegistry() {
    if (registry != null) {
      registry.close();
    }
  }

  private static Stream<DynamicNode> fixturesIn(Path dir) {
    String ruleId = dir.getFileName().toString();
    Stream<DynamicNode> files =
        Fixtures.files(dir).stream()
            .map(
                file ->
                    DynamicTest.dynamicTest(
                        file.getFileName().toString(),
                        file.toUri(),
                        () -> checkFixture(ruleId, file)));
    Stream<DynamicNode> scenarios =
        Fixtures.scenarios(dir).stream()
            .map(
                s ->
                    DynamicTest.dynamicTest(
                        s.getFileName() + "/", s.toUri(), () -> checkScenario(ruleId, s)));
    return Stream.concat(files, scenarios);
  }

  /**
   * A folder scenario: its Dockerfiles and compose files checked together, as {@code scan} does,
   * markers compared both ways in each file, and nothing reported outside them.
   */
  private static void checkScenario(String ruleId, Path scenario) {
    Rule rule = RULES.get(ruleId);
    if (rule == null) {
      fail("fixtures/" + ruleId + " names no known rule");
    }
    List<InputFile> inputs = Fixtures.scenarioInputs(scenario);
    if (inputs.isEmpty()) {
      fail(scenario + ": a scenario folder holds at least one fixture file");
    }
    Map<String, String> texts = new TreeMap<>();
    inputs.forEach(i -> texts.put(i.path(), i.source().text()));
    ScanResult result = new Engine(List.of(rule)).check(inputs, TestPolicy.only(ruleId));
    List<String> errors =
        Fixtures.scenarioMismatches(
            scenario.getFileName().toString(),
            texts,
            ruleId,
            result.findings(),
            result.problems(),
            RULES.keySet());
    if (!errors.isEmpty()) {
      fail(scenario + ":" + Fixtures.describe(errors));
    }
  }

  private static void checkFixture(String ruleId, Path file) {
    Rule rule = RULES.get(ruleId);
    if (rule == null) {
      fail("fixtures/" + ruleId + " names no known rule");
    }
    Optional<FileKind> kind = Fixtures.kindOf(file);
    if (kind.isEmpty()) {
      fail(file + ": fixture files end in .Dockerfile, .yaml or .yml");
    }
    InputFile input = Fixtures.input(Fixtures.FIXTURES, file, kind.get());
    ScanResult result = new Engine(List.of(rule)).check(List.of(input), TestPolicy.only(ruleId));
    List<String> errors =
        Fixtures.mismatches(
            file.getFileName().toString(),
            input.source().text(),
            ruleId,
            result.findings(),
            result.problems(),
            RULES.keySet());
    if (!errors.isEmpty()) {
      fail(input.path() + ":" + Fixtures.describe(errors));
    }
  }

  private static Stream<DynamicNode> pairsIn(Path dir, ImageRegistry lookups) {
    String ruleId = dir.getFileName().toString();
    List<DynamicNode> tests = new ArrayList<>();
    for (Path scenario : Fixtures.scenarios(dir)) {
      tests.add(
          DynamicTest.dynamicTest(
              scenario.getFileName() + "/",
              scenario.toUri(),
              () -> checkFolderPair(ruleId, scenario)));
    }
    for (Path before : Fixtures.files(dir)) {
      String name = before.getFileName().toString();
      int at = name.indexOf(".before.");
      if (at < 0) {
        if (!name.contains(".after.") && !name.endsWith(".options.json")) {
          tests.add(
              DynamicTest.dynamicTest(
                  name, () -> fail(name + ": fix fixtures are <scenario>.before|after.<ext>")));
        }
        continue;
      }
      Path after = dir.resolve(name.substring(0, at) + ".after." + name.substring(at + 8));
      tests.add(
          DynamicTest.dynamicTest(
              name.substring(0, at),
              before.toUri(),
              () -> checkPair(ruleId, before, after, lookups)));
    }
    return tests.stream();
  }

  /**
   * A folder fix pair: {@code <scenario>/before/} fixed with only the rule, as {@code hullcheck
   * fix} writes it (other files included), equals {@code <scenario>/after/} file for file; fixing
   * again changes nothing and leaves no finding of the rule.
   */
  private static void checkFolderPair(String ruleId, Path scenario) throws IOException {
    Rule rule = RULES.get(ruleId);
    if (rule == null) {
      fail("fixes/" + ruleId + " names no known rule");
    }
    Path work = Files.createTempDirectory("hullcheck-fix-pair");
    try {
      copyTree(scenario.resolve("before"), work);
      TestPolicy policy = TestPolicy.only(ruleId);
      assertTrue(fixTree(rule, work, policy) > 0, scenario + ": no verified fix was applied");
      assertEquals(tree(scenario.resolve("after")), tree(work), scenario + ": fixed tree differs");
      assertEquals(0, fixTree(rule, work, policy), scenario + ": fixing again changed files");
      List<String> left =
          new Engine(List.of(rule))
              .check(Fixtures.scenarioInputs(work), policy).active().stream()
                  .map(f -> f.path() + ":" + f.span().startLine() + ": " + f.message())
                  .toList();
      assertEquals(List.of(), left, scenario + ": the fixed tree still has findings");
    } finally {
      try (Stream<Path> s = Files.walk(work)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Fixes every Dockerfile of a tree in place, as the fix command does; the fixes applied. */
  private static int fixTree(Rule rule, Path root, TestPolicy policy) throws IOException {
    int applied = 0;
    for (InputFile input : Fixtures.scenarioInputs(root)) {
      Fixer.Outcome outcome = new Fixer(new Engine(List.of(rule))).fix(input, policy);
      Files.writeString(root.resolve(input.path()), outcome.fixed());
      for (Map.Entry<String, String> other : outcome.otherFiles().entrySet()) {
        Files.writeString(root.resolve(other.getKey()), other.getValue());
      }
      applied += outcome.applied().size();
    }
    return applied;
  }

  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString().replace('\\', '/'), Fixtures.read(p));
      }
    }
    return out;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void checkPair(String ruleId, Path before, Path after, ImageRegistry lookups)
      throws IOException {
    Rule rule = RULES.get(ruleId);
    if (rule == null) {
      fail("fixes/" + ruleId + " names no known rule");
    }
    assertTrue(Files.isRegularFile(after), "missing " + after);
    FileKind kind =
        Fixtures.kindOf(before)
            .orElseThrow(() -> new AssertionError(before + ": unknown extension"));
    Path root = before.getParent().getParent();
    Engine engine = new Engine(List.of(rule)).withRegistry(lookups);
    Fixer fixer = new Fixer(engine);
    TestPolicy policy = TestPolicy.only(ruleId);
    String name = before.getFileName().toString();
    Path options =
        before.resolveSibling(name.substring(0, name.indexOf(".before.")) + ".options.json");
    if (Files.isRegularFile(options)) {
      Map<String, Object> values =
          new ObjectMapper()
              .readValue(options.toFile(), new TypeReference<Map<String, Object>>() {});
      policy = policy.withOptions(ruleId, values);
    }
    Fixer.Outcome once = fixer.fix(Fixtures.input(root, before, kind), policy);
    assertTrue(once.changed(), before + ": no verified fix was applied");
    assertEquals(Fixtures.read(after), once.fixed(), before + ": fixed text differs from " + after);
    Fixer.Outcome twice = fixer.fix(once.file().withText(once.fixed()), policy);
    assertEquals(once.fixed(), twice.fixed(), after + ": fixing again changed the file");
    Fixer.Outcome ofAfter = fixer.fix(Fixtures.input(root, after, kind), policy);
    assertEquals(Fixtures.read(after), ofAfter.fixed(), after + ": fixing it changed it");
    List<String> left =
        engine.check(List.of(Fixtures.input(root, after, kind)), policy).active().stream()
            .filter(f -> f.ruleId().equals(ruleId))
            .map(f -> "line " + f.span().startLine() + ": " + f.message())
            .toList();
    assertEquals(List.of(), left, after + ": the fixed file still has " + ruleId + " findings");
  }
}
