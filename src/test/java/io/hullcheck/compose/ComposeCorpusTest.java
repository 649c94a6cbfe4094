package io.hullcheck.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hullcheck.model.SourceFile;
import io.hullcheck.model.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every compose file of the real-world corpus loads without an exception, within a generous hang
 * guard, and has problems only when SOURCES.md documents it as invalid. The corpus is read from
 * {@code HULLCHECK_CORPUS} or the {@code hullcheck.corpus} system property, never copied here.
 */
class ComposeCorpusTest {
  /**
   * Files SOURCES.md lists as meant to fail, mapped to the problem we report. The two
   * wrong-composefile fixtures are invalid only in the Compose schema (an unknown key, a build
   * context that does not exist), which the loader does not judge, so they load clean.
   */
  private static final Map<String, String> DOCUMENTED_INVALID =
      Map.of("compose-spec-compose-go/loader__testdata__empty.yaml", "empty compose file");

  /** Schema-invalid files documented in SOURCES.md that are valid YAML. */
  private static final Set<String> SCHEMA_INVALID =
      Set.of(
          "docker-compose/pkg__e2e__fixtures__wrong-composefile__compose.yaml",
          "docker-compose/pkg__e2e__fixtures__wrong-composefile__build-error.yml");

  static Path corpus() {
    String root = System.getenv("HULLCHECK_CORPUS");
    if (root == null || root.isBlank()) {
      root = System.getProperty("hullcheck.corpus");
    }
    Path dir = root == null ? null : Path.of(root, "realworld");
    assumeTrue(
        dir != null && Files.isDirectory(dir),
        "corpus not found: set HULLCHECK_CORPUS or -Dhullcheck.corpus to ../shared/corpus");
    return dir;
  }

  static List<Path> composeFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
          .sorted()
          .toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyComposeFileLoads() throws IOException {
    Path dir = corpus();
    List<Path> files = composeFiles(dir);
    assumeTrue(!files.isEmpty(), "no compose files in " + dir);
    return files.stream()
        .map(
            path -> {
              String name = dir.relativize(path).toString().replace('\\', '/');
              return DynamicTest.dynamicTest(name, () -> check(name, path));
            });
  }

  /**
   * The spans taken from parser marks equal the ones SourceFile computes from offsets, for every
   * node and key of every corpus file, also with its line ends turned into CRLF and lone CR.
   */
  @TestFactory
  Stream<DynamicTest> spansMatchTheLineIndexWhateverTheLineEnds() throws IOException {
    Path dir = corpus();
    return composeFiles(dir).stream()
        .flatMap(
            path ->
                Stream.of("\n", "\r\n", "\r")
                    .map(
                        eol ->
                            DynamicTest.dynamicTest(
                                dir.relativize(path)
                                    + " "
                                    + eol.replace("\r", "CR").replace("\n", "LF"),
                                () -> {
                                  String text = Files.readString(path).replace("\n", eol);
                                  SourceFile source = new SourceFile(path.toString(), text);
                                  ComposeFile file = ComposeLoader.load(source, Map.of());
                                  if (file.root() != null) {
                                    assertSpans(source, file.root());
                                  }
                                })));
  }

  private static void assertSpans(SourceFile source, YNode node) {
    Span s = node.span();
    assertEquals(source.span(s.startOffset(), s.endOffset()), s);
    if (node instanceof YMap map) {
      for (YEntry e : map.entries()) {
        Span k = e.key().span();
        assertEquals(source.span(k.startOffset(), k.endOffset()), k);
        assertSpans(source, e.value());
      }
    } else if (node instanceof YSeq seq) {
      seq.items().forEach(item -> assertSpans(source, item));
    }
  }

  private static void check(String name, Path path) throws IOException {
    String text = Files.readString(path, StandardCharsets.UTF_8);
    ComposeFile file =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () -> ComposeLoader.load(new SourceFile(name, text), Map.of()),
            "hang guard");
    String expected = DOCUMENTED_INVALID.get(name);
    List<String> messages = file.problems().stream().map(p -> p.message()).toList();
    if (expected == null) {
      assertEquals(List.of(), messages, name + (SCHEMA_INVALID.contains(name) ? " (schema)" : ""));
    } else {
      assertEquals(1, messages.size(), messages.toString());
      assertEquals(true, messages.get(0).contains(expected), messages.toString());
    }
  }
}
