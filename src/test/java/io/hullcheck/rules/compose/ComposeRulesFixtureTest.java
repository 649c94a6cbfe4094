package io.hullcheck.rules.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.ComposeLoader;
import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.TextEdit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The compose rules against their fixtures, directly (load, check, apply fixes), independent of the
 * engine: every {@code # expect: <id>} marker has a finding of that rule on the next line and no
 * finding is on an unmarked line; every fix pair turns {@code .before.yaml} into exactly {@code
 * .after.yaml}, the result loads without new problems and has no finding of the rule left, and
 * fixing it again changes nothing.
 */
class ComposeRulesFixtureTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static final Path FIXES = Path.of("src/test/resources/fixes");

  @TestFactory
  Stream<DynamicTest> findingsMatchMarkers() {
    return ComposeRules.all().stream()
        .flatMap(
            rule -> {
              Path dir = FIXTURES.resolve(rule.meta().id());
              return files(dir, ".yaml").stream()
                  .map(
                      f ->
                          DynamicTest.dynamicTest(
                              rule.meta().id() + "/" + f.getFileName(), () -> markers(rule, f)));
            });
  }

  @TestFactory
  Stream<DynamicTest> fixesGiveTheAfterFiles() {
    return ComposeRules.all().stream()
        .filter(r -> r.meta().fixable())
        .flatMap(
            rule -> {
              Path dir = FIXES.resolve(rule.meta().id());
              return files(dir, ".before.yaml").stream()
                  .map(
                      f ->
                          DynamicTest.dynamicTest(
                              rule.meta().id() + "/" + f.getFileName(), () -> fixPair(rule, f)));
            });
  }

  private static void markers(ComposeRule rule, Path file) throws IOException {
    String id = rule.meta().id();
    SourceFile source = new SourceFile(file.toString(), Files.readString(file));
    ComposeFile compose = ComposeLoader.load(source, Map.of());
    assertTrue(compose.problems().isEmpty(), () -> "fixture does not load: " + compose.problems());
    TreeSet<Integer> expected = new TreeSet<>();
    for (int line = 1; line <= source.lineCount(); line++) {
      String text = source.lineText(line).strip();
      if (text.startsWith("# expect:")) {
        assertEquals(id, text.substring("# expect:".length()).strip(), "marker for another rule");
        expected.add(line + 1);
      }
    }
    boolean clean = file.getFileName().toString().startsWith("clean-");
    assertTrue(clean == expected.isEmpty(), "clean files have no markers, others have some");
    List<Finding> findings = rule.check(compose, RuleContext.defaults());
    TreeSet<Integer> actual = new TreeSet<>();
    for (Finding f : findings) {
      assertEquals(id, f.ruleId());
      actual.add(f.span().startLine());
    }
    assertEquals(expected, actual, () -> "findings: " + describe(findings));
    assertEquals(
        actual.size(), findings.size(), () -> "one finding per line: " + describe(findings));
  }

  private static void fixPair(ComposeRule rule, Path before) throws IOException {
    String name = before.getFileName().toString().replace(".before.yaml", ".after.yaml");
    Path afterPath = before.resolveSibling(name);
    String original = Files.readString(before);
    String fixed = fixAll(rule, original);
    if (!Files.exists(afterPath) && Boolean.getBoolean("hullcheck.writeAfter")) {
      Files.writeString(afterPath, fixed);
    }
    assertEquals(Files.readString(afterPath), fixed, "fixed text differs from " + name);
    assertEquals(fixed, fixAll(rule, fixed), "fixing twice changes something");
    ComposeFile reloaded = ComposeLoader.load(new SourceFile(name, fixed), Map.of());
    assertTrue(
        reloaded.problems().isEmpty(), () -> "fixed file has problems: " + reloaded.problems());
    List<Finding> left = rule.check(reloaded, RuleContext.defaults());
    assertTrue(left.isEmpty(), () -> "findings left after fixing: " + describe(left));
  }

  /** Applies the rule's fixes round by round (non-overlapping ones together) to a fixed point. */
  static String fixAll(ComposeRule rule, String text) {
    for (int round = 0; round < 20; round++) {
      ComposeFile compose = ComposeLoader.load(new SourceFile("f.yaml", text), Map.of());
      List<TextEdit> chosen = new ArrayList<>();
      for (Finding f : rule.check(compose, RuleContext.defaults())) {
        if (f.fix() == null) {
          continue;
        }
        boolean clash =
            f.fix().edits().stream()
                .anyMatch(
                    e ->
                        chosen.stream()
                            .anyMatch(
                                t ->
                                    e.startOffset() <= t.endOffset()
                                        && t.startOffset() <= e.endOffset()));
        if (!clash) {
          chosen.addAll(f.fix().edits());
        }
      }
      if (chosen.isEmpty()) {
        return text;
      }
      chosen.sort(Comparator.comparingInt(TextEdit::startOffset).reversed());
      StringBuilder sb = new StringBuilder(text);
      for (TextEdit e : chosen) {
        sb.replace(e.startOffset(), e.endOffset(), e.text());
      }
      text = sb.toString();
    }
    throw new AssertionError("fixes do not reach a fixed point");
  }

  private static String describe(List<Finding> findings) {
    StringBuilder sb = new StringBuilder();
    for (Finding f : findings) {
      sb.append("\n  ")
          .append(f.span().startLine())
          .append(':')
          .append(f.span().startColumn())
          .append(' ')
          .append(f.message());
      if (f.note() != null) {
        sb.append(" [").append(f.note()).append(']');
      }
    }
    return sb.toString();
  }

  private static List<Path> files(Path dir, String suffix) {
    assertNotNull(dir);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
