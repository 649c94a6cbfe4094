package io.hullcheck.rules.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.DockerfileParser;
import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.Options;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleData;
import io.hullcheck.rules.TextEdit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Runs each Dockerfile rule directly (parse, then {@code rule.check}) over its fixtures, with the
 * shipped data tables, so a rule is verified without the engine. Fixtures: {@code
 * fixtures/<rule-id>/<scenario>.Dockerfile} with {@code # expect: <rule-id>} on the line before
 * each line where a finding starts, checked both ways; {@code clean-*} files have no finding. Fix
 * pairs: {@code fixes/<rule-id>/<scenario>.before|after.Dockerfile}: the rule's fixes applied to
 * the before file give exactly the after file, which parses cleanly and has no finding of the rule
 * left, so fixing again changes nothing.
 */
class DockerfileRuleFixturesTest {
  private static final Path RESOURCES = Path.of("src/test/resources");
  private static final Pattern MARKER = Pattern.compile("#\\s*expect:\\s*([a-z0-9-]+)");

  static RuleContext context() throws IOException {
    Map<String, Object> tables = new HashMap<>();
    try (Stream<Path> files = Files.list(Path.of("policies/data"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
        Object yaml =
            new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(p, StandardCharsets.UTF_8));
        String name = p.getFileName().toString();
        tables.put(name.substring(0, name.length() - 4), yaml);
      }
    }
    return new RuleContext(Options.empty(), new RuleData(tables));
  }

  static Dockerfile parse(String path, String text) {
    try {
      return DockerfileParser.parse(new SourceFile(path, text));
    } catch (UnsupportedOperationException notYet) {
      Assumptions.abort("the Dockerfile parser is not merged yet");
      throw notYet;
    }
  }

  @TestFactory
  Stream<DynamicTest> findingsMatchMarkers() throws IOException {
    RuleContext context = context();
    List<DynamicTest> tests = new ArrayList<>();
    for (DockerfileRule rule : DockerfileRules.all()) {
      String id = rule.meta().id();
      Path dir = RESOURCES.resolve("fixtures").resolve(id);
      if (!Files.isDirectory(dir)) {
        continue; // CatalogueTest reports rules without fixtures
      }
      try (Stream<Path> files = Files.list(dir)) {
        // Folder scenarios need a build context or repository; RuleFixturesTest runs them.
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          tests.add(
              DynamicTest.dynamicTest(
                  id + "/" + f.getFileName(), () -> checkMarkers(rule, f, context)));
        }
      }
    }
    return tests.stream();
  }

  private static void checkMarkers(DockerfileRule rule, Path file, RuleContext context)
      throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Dockerfile df = parse(file.toString(), text);
    assertEquals(List.of(), df.problems(), "parse problems");
    String id = rule.meta().id();
    TreeSet<Integer> expected = new TreeSet<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = MARKER.matcher(lines[i]);
      if (m.find()) {
        assertEquals(id, m.group(1), "marker for another rule at line " + (i + 1));
        expected.add(i + 2);
      }
    }
    boolean clean = file.getFileName().toString().startsWith("clean-");
    assertTrue(clean == expected.isEmpty(), "clean files have no markers, others at least one");
    List<Finding> findings = rule.check(df, context);
    TreeSet<Integer> actual = new TreeSet<>();
    for (Finding f : findings) {
      assertEquals(id, f.ruleId());
      assertTrue(f.message() != null && !f.message().isBlank());
      actual.add(f.span().startLine());
    }
    assertEquals(expected, actual, () -> "finding lines; findings: " + describe(findings));
    assertEquals(findings.size(), actual.size(), "one finding per marked line");
  }

  @TestFactory
  Stream<DynamicTest> fixesGiveTheAfterFile() throws IOException {
    RuleContext context = context();
    List<DynamicTest> tests = new ArrayList<>();
    for (DockerfileRule rule : DockerfileRules.all()) {
      Path dir = RESOURCES.resolve("fixes").resolve(rule.meta().id());
      if (!rule.meta().fixable() || !Files.isDirectory(dir)) {
        continue; // CatalogueTest reports fixable rules without fix pairs
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path before :
            files.filter(f -> f.toString().endsWith(".before.Dockerfile")).sorted().toList()) {
          Path after = Path.of(before.toString().replace(".before.", ".after."));
          tests.add(
              DynamicTest.dynamicTest(
                  rule.meta().id() + "/" + before.getFileName(),
                  () -> checkFix(rule, before, after, context)));
        }
      }
    }
    return tests.stream();
  }

  private static void checkFix(DockerfileRule rule, Path before, Path after, RuleContext context)
      throws IOException {
    String text = Files.readString(before, StandardCharsets.UTF_8);
    String expected = Files.readString(after, StandardCharsets.UTF_8);
    Dockerfile df = parse(before.toString(), text);
    List<Finding> findings = rule.check(df, context);
    List<TextEdit> edits = new ArrayList<>();
    for (Finding f : findings) {
      assertNotNull(f.fix(), () -> "no fix for " + describe(List.of(f)));
      edits.addAll(f.fix().edits());
    }
    assertTrue(!edits.isEmpty(), "the before file must have a fixable finding");
    String fixed = new Fix("all", edits).applyTo(text);
    assertEquals(expected, fixed);
    Dockerfile again = parse(after.toString(), fixed);
    assertEquals(List.of(), again.problems(), "the fixed file parses");
    assertEquals(List.of(), rule.check(again, context), "fixing again changes nothing");
  }

  private static String describe(List<Finding> findings) {
    StringBuilder sb = new StringBuilder();
    for (Finding f : findings) {
      sb.append("\n  ").append(f.span().startLine()).append(':').append(f.span().startColumn());
      sb.append(' ').append(f.message());
    }
    return sb.toString();
  }
}
