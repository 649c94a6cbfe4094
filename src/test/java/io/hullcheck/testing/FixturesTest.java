package io.hullcheck.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.engine.FileProblem;
import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Severity;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The harness checks itself: each case is a fixture text, the lines findings start on, and the
 * verdict.
 */
class FixturesTest {
  private static final String TEXT =
      String.join(
          "\n",
          "FROM alpine", // 1
          "# expect: r", // 2
          "RUN a", // 3
          "# expect: r", // 4
          "# expect: r", // 5
          "RUN b", // 6
          "CMD c", // 7
          "");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("a.Dockerfile", TEXT, List.of(3, 6, 6), List.of()),
        Arguments.of(
            "a.Dockerfile",
            TEXT,
            List.of(3, 6),
            List.of("line 6: expected a r finding, got 1 of 2")),
        Arguments.of(
            "a.Dockerfile", TEXT, List.of(3, 6, 6, 7), List.of("line 7: unexpected r finding: m")),
        Arguments.of(
            "a.Dockerfile",
            TEXT,
            List.of(6, 6),
            List.of("line 3: expected a r finding, got 0 of 1")),
        Arguments.of(
            "a.Dockerfile",
            "FROM a\n# expect: nope\nRUN x\n",
            List.of(),
            List.of(
                "line 2: marker names unknown rule id 'nope'",
                "line 3: expected a nope finding, got 0 of 1")),
        Arguments.of(
            "clean-a.Dockerfile",
            "FROM a\n# expect: r\nRUN x\n",
            List.of(3),
            List.of("a clean-* fixture must not hold expect markers (line 2)")),
        Arguments.of(
            "b.Dockerfile",
            "FROM a\n# expect: r, other\nRUN x\n",
            List.of(3),
            List.of("line 3: expected a other finding, got 0 of 1")),
        Arguments.of("clean-b.Dockerfile", "FROM a\nRUN x\n", List.of(), List.of()),
        Arguments.of(
            "clean-c.Dockerfile",
            "FROM a\nRUN x\n",
            List.of(2),
            List.of("line 2: unexpected r finding: m")));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void judgesFixtures(String name, String text, List<Integer> findingLines, List<String> errors) {
    SourceFile src = new SourceFile(name, text);
    List<Finding> findings =
        findingLines.stream()
            .map(
                l ->
                    new Finding(
                        "r",
                        Severity.ERROR,
                        Category.STYLE,
                        name,
                        src.lineSpan(l),
                        "m",
                        null,
                        null,
                        null))
            .toList();
    assertEquals(
        errors, Fixtures.mismatches(name, text, "r", findings, List.of(), Set.of("r", "other")));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void markersStackOntoTheNextNonMarkerLine(String name, String text) {
    for (Fixtures.Expectation e : Fixtures.expectations(text)) {
      assertTrue(e.line() > e.markerLine());
      assertTrue(!text.lines().toList().get(e.line() - 1).contains("# expect:"));
    }
  }

  @org.junit.jupiter.api.Test
  void parseProblemsAndInternalErrorsFail() {
    String text = "FROM a\n";
    SourceFile src = new SourceFile("x.Dockerfile", text);
    Finding internal =
        new Finding(
            "internal-error",
            Severity.WARNING,
            Category.CORRECTNESS,
            "x",
            src.lineSpan(1),
            "Rule r failed",
            null,
            null,
            null);
    assertEquals(
        List.of("line 1: parse problem: bad", "line 1: Rule r failed"),
        Fixtures.mismatches(
            "x.Dockerfile",
            text,
            "r",
            List.of(internal),
            List.of(new FileProblem("x", 1, 1, "bad")),
            Set.of("r")));
  }
}
