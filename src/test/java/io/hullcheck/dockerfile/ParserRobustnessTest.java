package io.hullcheck.dockerfile;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import io.hullcheck.model.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Random mutations and truncations of real Dockerfiles (the corpus when present, plus built-in
 * samples) never make the parser throw, and every result still satisfies {@link SpanInvariants}.
 * Seeded, so a failure names a reproducible case.
 */
class ParserRobustnessTest {

  private static final long SEED = 20261203L;
  private static final int MUTANTS_PER_FILE = 25;

  /** Fragments that stress the grammar: escapes, quotes, heredocs, JSON, directives, CR/LF. */
  private static final String[] FRAGMENTS = {
    "\\",
    "`",
    "\n",
    "\r\n",
    "\r",
    "\"",
    "'",
    "[",
    "]",
    "<<EOF\n",
    "<<-EOF",
    "EOF\n",
    "$",
    "${",
    "}",
    ":-",
    "#",
    " ",
    "\t",
    "--",
    "=",
    "FROM ",
    "RUN ",
    "ONBUILD ",
    "# escape=`\n",
    "\\\n",
    "`\n",
    "COPY <<A <<B /x\n",
    "[\"a\",",
    "\\u12",
    "\uFEFF",
    "ARG X=${Y:+z}\n",
    "AS ",
    "\u0000",
    "HEALTHCHECK ",
    "CMD ",
    "ENV a b\n",
    "LABEL =\n"
  };

  private static final String[] SAMPLES = {
    "# syntax=docker/dockerfile:1\nARG V=3\nFROM --platform=$BUILDPLATFORM python:${V} AS build\n"
        + "RUN --mount=type=cache,target=/c <<EOF\npip install x\nEOF\nFROM build\n"
        + "COPY --from=build [\"/a\", \"/b\"]\nENV A=1 B=\"2 3\"\nONBUILD RUN echo \\\n  hi\n"
        + "HEALTHCHECK --interval=5s CMD [\"curl\", \"-f\"]\nUSER 1000\nCMD python -m app\n",
    "# escape=`\r\nFROM mcr.microsoft.com/windows:ltsc2022\r\nRUN dir C:\\ `\r\n  && echo x\r\n"
        + "COPY a `\r\n  b\r\nENTRYPOINT [\"powershell\"]\r\n",
    "FROM a\nRUN <<-\"X\" cat > /f && cat <<Y\n\tbody $H\n\tX\nmore\nY\n# after\nUSER x \\\n"
  };

  @TestFactory
  Stream<DynamicTest> mutantsNeverThrow() throws IOException {
    List<String[]> seeds = new ArrayList<>();
    for (int i = 0; i < SAMPLES.length; i++) {
      seeds.add(new String[] {"sample-" + i, SAMPLES[i]});
    }
    Path corpus = RealWorldCorpusTest.corpus();
    if (corpus != null) {
      for (Path p : RealWorldCorpusTest.dockerfiles(corpus)) {
        seeds.add(
            new String[] {
              corpus.relativize(p).toString(),
              new String(Files.readAllBytes(p), StandardCharsets.UTF_8)
            });
      }
    }
    return seeds.stream().map(s -> DynamicTest.dynamicTest(s[0], () -> mutate(s[0], s[1])));
  }

  private static void mutate(String name, String text) {
    Random random = new Random(SEED ^ name.hashCode());
    for (int i = 0; i < MUTANTS_PER_FILE; i++) {
      String mutant = mutant(random, text);
      String label = name + " mutant " + i;
      Dockerfile d =
          assertDoesNotThrow(() -> DockerfileParser.parse(new SourceFile(label, mutant)), label);
      assertDoesNotThrow(() -> SpanInvariants.check(d), label);
    }
  }

  private static String mutant(Random random, String text) {
    StringBuilder sb = new StringBuilder(text);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int at = sb.length() == 0 ? 0 : random.nextInt(sb.length() + 1);
      switch (random.nextInt(5)) {
        case 0 -> sb.setLength(at); // truncation
        case 1 -> sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(20)));
        case 2 -> sb.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        case 3 -> sb.insert(at, (char) random.nextInt(128));
        default -> {
          int from = random.nextInt(sb.length() + 1);
          int to = Math.min(sb.length(), from + random.nextInt(60));
          sb.insert(at, sb.substring(from, to)); // duplicate a slice
        }
      }
    }
    return sb.toString();
  }
}
