package io.hullcheck.compose;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.hullcheck.model.ParseProblem;
import io.hullcheck.model.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Damaged YAML never makes the loader throw: every corpus compose file, mutated with a fixed seed
 * (characters that matter to YAML inserted, characters deleted, lines repeated or cut), loads into
 * a file with problems or a tree, and every problem has a position inside the text.
 */
class MutationTest {
  private static final String SIGNIFICANT = ":[]{}&*!|>'\"#-?,%@`\t\n\r$ <";
  private static final int MUTANTS_PER_FILE = 25;

  @TestFactory
  Stream<DynamicTest> mutatedFilesNeverThrow() throws IOException {
    Path dir = ComposeCorpusTest.corpus();
    return ComposeCorpusTest.composeFiles(dir).stream()
        .map(
            path ->
                DynamicTest.dynamicTest(
                    dir.relativize(path).toString(),
                    () -> {
                      String text = Files.readString(path);
                      Random random = new Random(path.getFileName().toString().hashCode());
                      for (int i = 0; i < MUTANTS_PER_FILE; i++) {
                        String mutant = mutate(text, random);
                        ComposeFile file =
                            ComposeLoader.load(new SourceFile("m.yaml", mutant), Map.of());
                        assertNotNull(file.services());
                        for (ParseProblem p : file.problems()) {
                          if (p.span().endOffset() > mutant.length()) {
                            throw new AssertionError("problem outside the text: " + p);
                          }
                        }
                      }
                    }));
  }

  private static String mutate(String text, Random random) {
    if (text.isEmpty()) {
      return String.valueOf(SIGNIFICANT.charAt(random.nextInt(SIGNIFICANT.length())));
    }
    StringBuilder b = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && b.length() > 0; e++) {
      int at = random.nextInt(b.length());
      switch (random.nextInt(4)) {
        case 0 -> b.insert(at, SIGNIFICANT.charAt(random.nextInt(SIGNIFICANT.length())));
        case 1 -> b.deleteCharAt(at);
        case 2 -> {
          int start = b.lastIndexOf("\n", at) + 1;
          int end = b.indexOf("\n", at);
          String line = b.substring(start, end < 0 ? b.length() : end + 1);
          b.insert(start, line.endsWith("\n") ? line : line + "\n");
        }
        default -> b.setLength(at);
      }
    }
    return b.toString();
  }
}
