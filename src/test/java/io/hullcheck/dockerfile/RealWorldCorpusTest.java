package io.hullcheck.dockerfile;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hullcheck.model.ParseProblem;
import io.hullcheck.model.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Dockerfile of the real-world corpus parses without an exception, and only the files listed
 * in {@code corpus-expected-problems.txt} (those SOURCES.md documents as invalid, plus the others
 * BuildKit refuses for the same reasons, each with its reason) have parse problems.
 */
class RealWorldCorpusTest {

  /** The corpus root from HULLCHECK_CORPUS or -Dhullcheck.corpus, or null. */
  static Path corpus() {
    String root = System.getenv("HULLCHECK_CORPUS");
    if (root == null || root.isBlank()) {
      root = System.getProperty("hullcheck.corpus");
    }
    if (root == null || root.isBlank()) {
      return null;
    }
    Path dir = Path.of(root, "realworld");
    return Files.isDirectory(dir) ? dir : null;
  }

  static List<Path> dockerfiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.contains("dockerfile") || name.contains("containerfile");
              })
          .sorted()
          .toList();
    }
  }

  static Map<String, String> expectedProblems() throws IOException {
    Map<String, String> expected = new LinkedHashMap<>();
    try (InputStream in =
        RealWorldCorpusTest.class.getResourceAsStream("/dockerfile/corpus-expected-problems.txt")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n", -1)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\\|");
        expected.put(cols[0].trim(), cols[1].trim());
      }
    }
    return expected;
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusDockerfileParses() throws IOException {
    Path dir = corpus();
    assumeTrue(dir != null, "corpus absent: set HULLCHECK_CORPUS or -Dhullcheck.corpus");
    Map<String, String> expected = expectedProblems();
    return dockerfiles(dir).stream()
        .map(
            path -> {
              String name = dir.relativize(path).toString().replace('\\', '/');
              return DynamicTest.dynamicTest(name, () -> check(path, name, expected.get(name)));
            });
  }

  private static void check(Path path, String name, String expectedProblem) throws IOException {
    String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
    Dockerfile d = DockerfileParser.parse(new SourceFile(name, text));
    if (expectedProblem == null) {
      assertEquals(List.of(), d.problems(), name + " should parse without problems");
      assertFalse(d.stages().isEmpty(), name + " should have a stage");
    } else {
      assertFalse(d.problems().isEmpty(), name + " is documented invalid");
      ParseProblem first = d.problems().get(0);
      assertTrue(
          first.message().contains(expectedProblem),
          name + ": expected a problem containing '" + expectedProblem + "', got " + first);
    }
    SpanInvariants.check(d);
  }

  @Test
  void everyListedFileExists() throws IOException {
    Path dir = corpus();
    assumeTrue(dir != null, "corpus absent: set HULLCHECK_CORPUS or -Dhullcheck.corpus");
    assertAll(
        expectedProblems().keySet().stream()
            .map(name -> () -> assertTrue(Files.isRegularFile(dir.resolve(name)), name)));
  }

  /** BuildKit's own line oracle: instructions on lines 5-5, 11-12 and 17-31. */
  @Test
  void lineNumbersMatchBuildKit() throws IOException {
    Path dir = corpus();
    assumeTrue(dir != null, "corpus absent: set HULLCHECK_CORPUS or -Dhullcheck.corpus");
    Path file =
        dir.resolve("moby-buildkit/frontend__dockerfile__parser__testfile-line__Dockerfile");
    Dockerfile d = DockerfileParser.parse(new SourceFile("Dockerfile", Files.readString(file)));
    assertEquals(
        List.of("5-5", "11-12", "17-31"),
        d.instructions().stream()
            .map(i -> i.span().startLine() + "-" + i.span().endLine())
            .toList());
  }
}
