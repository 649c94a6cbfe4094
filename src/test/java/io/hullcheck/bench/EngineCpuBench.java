package io.hullcheck.bench;

import io.hullcheck.engine.Engine;
import io.hullcheck.engine.InputFile;
import io.hullcheck.policy.Policy;
import io.hullcheck.policy.PolicyLoader;
import io.hullcheck.rules.Registry;
import io.hullcheck.testing.Corpus;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Files per CPU-second of the checking thread, over the real-world corpus: the same work as {@link
 * EngineBenchmark}, timed by the thread's CPU time rather than the wall clock, so that other
 * processes competing for the cores do not depress the figure. Each round checks the whole corpus
 * enough times to take about a CPU-second; after the warm-up rounds it prints every measured round,
 * then the median, minimum and maximum.
 *
 * <p>Arguments: {@code findings} (the default) or {@code scan}, then the warm-up and measured round
 * counts (default 10 and 10). See docs/performance.md for the command.
 */
public final class EngineCpuBench {
  private EngineCpuBench() {}

  public static void main(String[] args) {
    String mode = args.length > 0 ? args[0] : "findings";
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    Path corpus =
        Corpus.dir()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no corpus: set HULLCHECK_CORPUS or -Dhullcheck.corpus"));
    List<InputFile> files = Corpus.realworld(corpus);
    Engine engine = new Engine(Registry.all()).withParallel(false);
    if (mode.equals("findings")) {
      engine = engine.withoutFixes();
    } else if (!mode.equals("scan")) {
      throw new IllegalArgumentException("mode is findings or scan, not " + mode);
    }
    Policy policy = PolicyLoader.builtin("default");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int passes = 1;
    List<Double> rates = new ArrayList<>();
    long sink = 0;
    for (int round = 0; round < warmup + rounds; round++) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      long wall0 = System.nanoTime();
      for (int pass = 0; pass < passes; pass++) {
        for (InputFile f : files) {
          sink += engine.checkFile(f, policy).findings().size();
        }
      }
      long cpu = threads.getCurrentThreadCpuTime() - cpu0;
      long wall = System.nanoTime() - wall0;
      double rate = (double) passes * files.size() / (cpu / 1e9);
      boolean measured = round >= warmup;
      if (measured) {
        rates.add(rate);
      }
      System.out.printf(
          Locale.ROOT,
          "%s %2d: %,9.0f files/CPU-s (%,d files, cpu %.2f s, wall %.2f s)%n",
          measured ? "round " : "warmup",
          round + 1,
          rate,
          passes * files.size(),
          cpu / 1e9,
          wall / 1e9);
      // Aim each round at about one CPU-second.
      passes = Math.max(1, (int) Math.round(passes * 1e9 / Math.max(cpu, 1)));
    }
    rates.sort(null);
    System.out.printf(
        Locale.ROOT,
        "%s: median %,.0f files/CPU-s, min %,.0f, max %,.0f over %d rounds of %d files (sink %d)%n",
        mode,
        rates.get(rates.size() / 2),
        rates.get(0),
        rates.get(rates.size() - 1),
        rates.size(),
        files.size(),
        sink);
  }
}
