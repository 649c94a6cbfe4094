package io.hullcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hullcheck.rules.Registry;
import io.hullcheck.testing.Corpus;
import io.hullcheck.testing.TestPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every rule over every real-world corpus file: no rule throws and no parser crashes. Skips with a
 * message when the corpus is absent.
 */
class CorpusScanTest {
  @Test
  void everyRuleRunsOnEveryCorpusFileWithoutAnInternalError() {
    Optional<Path> corpus = Corpus.dir();
    assumeTrue(corpus.isPresent(), "corpus not found: set HULLCHECK_CORPUS or -Dhullcheck.corpus");
    List<InputFile> files = Corpus.realworld(corpus.get());
    ScanResult r = new Engine(Registry.all()).check(files, TestPolicy.defaults());
    assertEquals(files.size(), r.files());
    assertEquals(
        List.of(),
        r.findings().stream()
            .filter(f -> f.ruleId().equals(Engine.INTERNAL_ERROR))
            .map(f -> f.path() + ": " + f.message())
            .toList());
    assertEquals(
        List.of(),
        r.problems().stream()
            .filter(p -> p.message().startsWith("internal error"))
            .map(p -> p.path() + ": " + p.message())
            .toList());
  }
}
