package io.hullcheck.bench;

import io.hullcheck.engine.Engine;
import io.hullcheck.engine.InputFile;
import io.hullcheck.policy.Policy;
import io.hullcheck.policy.PolicyLoader;
import io.hullcheck.policy.PolicyResult;
import io.hullcheck.rules.Registry;
import io.hullcheck.testing.Corpus;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse plus evaluate, per file, over the real-world corpus with every rule the built-in {@link
 * #pack} turns on ({@code default} unless told), on one thread: the score in ops/s is files per
 * second per core. {@link #findings} is parse, rules, severities and suppressions; {@link #scan}
 * adds the verification of every proposed fix, as {@code hullcheck scan} runs it. Not run by {@code
 * mvn verify}; see docs/performance.md for the command.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@Threads(1)
public class EngineBenchmark {
  /**
   * The built-in policy pack: {@code default} (82 rules on), or {@code minimal} (the seed security
   * categories only) or {@code strict} with {@code -p pack=...}; or {@code eleven}, the default
   * pack with only the eleven categories of the engine's first issue (user to privileges) on, the
   * rule set the 20,000 files/s target was set for.
   */
  @Param({"default"})
  public String pack;

  /** {@code default} without the categories added after the engine's first issue. */
  static final String ELEVEN =
      """
      extends: default
      categories:
        supply-chain: off
        build-hygiene: off
        correctness: off
        style: off
      """;

  private List<InputFile> files;
  private Engine engine;
  private Engine findingsOnly;
  private Policy policy;
  private int next;

  @Setup
  public void load() {
    Path corpus =
        Corpus.dir()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no corpus: set HULLCHECK_CORPUS or -Dhullcheck.corpus"));
    files = Corpus.realworld(corpus);
    engine = new Engine(Registry.all()).withParallel(false);
    findingsOnly = engine.withoutFixes();
    if (pack.equals("eleven")) {
      PolicyResult eleven = PolicyLoader.parse(".hullcheck.yml", ELEVEN);
      if (!eleven.ok()) {
        throw new IllegalStateException("the eleven-category policy does not load: " + eleven);
      }
      policy = eleven.policy();
    } else {
      policy = PolicyLoader.builtin(pack);
    }
  }

  /** Parse and evaluate the next corpus file, round robin: one operation is one file. */
  @Benchmark
  public int findings() {
    return findingsOnly.checkFile(nextFile(), policy).findings().size();
  }

  /** The same with every proposed fix verified by re-parsing and re-checking the fixed text. */
  @Benchmark
  public int scan() {
    return engine.checkFile(nextFile(), policy).findings().size();
  }

  private InputFile nextFile() {
    InputFile f = files.get(next);
    next = next + 1 == files.size() ? 0 : next + 1;
    return f;
  }
}
