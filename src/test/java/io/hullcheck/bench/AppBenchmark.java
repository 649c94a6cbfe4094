package io.hullcheck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hullcheck.testing.AppHarness;
import io.hullcheck.testing.FakeGitHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The App's benchmark (docs/performance.md, section "App"); not part of {@code mvn verify}. Run:
 *
 * <pre>
 * mvn -o -B test -Dtest=AppBenchmark -Dhullcheck.bench=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>A repository with {@code hullcheck.bench.mb} MB (default 200) of unrelated incompressible
 * files spread over {@code hullcheck.bench.bulkCommits} commits and {@code hullcheck.bench.history}
 * small commits of history, then a pull request touching 10 Dockerfiles. Every part is real and on
 * loopback (server, job, JGit over smart HTTP, WireMock as GitHub; the content spacing is 0 so the
 * figures measure Hullcheck, not the pacing). Each of {@code hullcheck.bench.runs} runs (default
 * 50) opens a new pull request on the same head and times the webhook POST until GitHub holds the
 * completed check run. Prints median and p99, GitHub requests per event, and the pack bytes the
 * job's fetch moved against a plain depth-1 clone.
 */
@EnabledIfSystemProperty(named = "hullcheck.bench", matches = "true")
class AppBenchmark {
  @TempDir Path dir;

  @Test
  void webhookToCompletedCheckRun() throws Exception {
    int megabytes = Integer.getInteger("hullcheck.bench.mb", 200);
    int bulkCommits = Integer.getInteger("hullcheck.bench.bulkCommits", 20);
    int history = Integer.getInteger("hullcheck.bench.history", 500);
    int runs = Integer.getInteger("hullcheck.bench.runs", 50);
    int warmup = Integer.getInteger("hullcheck.bench.warmup", 3);
    try (AppHarness h = new AppHarness(dir, Duration.ZERO)) {
      long generation = System.nanoTime();
      Map<String, String> baseFiles = new LinkedHashMap<>();
      baseFiles.put("README.md", "# monorepo\n");
      for (int s = 0; s < 10; s++) {
        baseFiles.put("services/svc" + s + "/Dockerfile", dockerfile(s, "node:20.11-slim", false));
      }
      h.base(baseFiles);
      int perCommit = Math.max(1, megabytes / bulkCommits);
      for (int c = 0; c < bulkCommits; c++) {
        h.repo.bulk("assets/part" + c, perCommit, 1024 * 1024, c);
      }
      for (int c = 0; c < history; c++) {
        h.repo.commit("history " + c, Map.of("CHANGELOG.md", "entry " + c + "\n"));
      }
      h.base = h.repo.commit("base of the pull request", Map.of("VERSION", "1\n"));
      Map<String, String> headFiles = new LinkedHashMap<>();
      for (int s = 0; s < 10; s++) {
        headFiles.put("services/svc" + s + "/Dockerfile", dockerfile(s, "node:latest", true));
      }
      h.head = h.repo.commit("touch ten Dockerfiles", headFiles);
      System.out.printf(
          "generated %d MB in %d bulk commits and %d history commits in %d s%n",
          megabytes, bulkCommits, history, (System.nanoTime() - generation) / 1_000_000_000L);

      List<Long> millis = new ArrayList<>();
      List<Integer> requests = new ArrayList<>();
      Map<String, Integer> lastBreakdown = new TreeMap<>();
      long fetchBytes = 0;
      for (int i = 0; i < warmup + runs; i++) {
        int number = 100 + i;
        h.openAs(number);
        h.github.resetRequests();
        long gitBefore = h.git.bytesSent();
        byte[] payload =
            h.pullRequestPayload("opened").with("number", number).render("pull_request");
        long start = System.nanoTime();
        assertEquals(202, h.deliver("pull_request", payload).statusCode());
        h.awaitCompleted(h.head, number);
        long elapsed = (System.nanoTime() - start) / 1_000_000L;
        if (i < warmup) {
          System.out.printf("warm-up run %d: %d ms%n", i + 1, elapsed);
        } else {
          millis.add(elapsed);
        }
        fetchBytes = h.git.bytesSent() - gitBefore;
        List<FakeGitHub.Received> received = h.github.requests();
        requests.add(received.size());
        lastBreakdown.clear();
        for (FakeGitHub.Received r : received) {
          String key =
              r.method() + " " + r.path().replaceAll("\\?.*", "").replaceAll("/\\d+", "/{n}");
          lastBreakdown.merge(key, 1, Integer::sum);
        }
      }
      long cloneBytes = depthOneClone(h);
      List<Long> sorted = new ArrayList<>(millis);
      Collections.sort(sorted);
      System.out.printf(
          "runs=%d median=%d ms p99=%d ms min=%d ms max=%d ms%n",
          runs,
          sorted.get((sorted.size() - 1) / 2),
          sorted.get((int) Math.ceil(0.99 * sorted.size()) - 1),
          sorted.get(0),
          sorted.get(sorted.size() - 1));
      System.out.printf(
          "GitHub requests per event: first=%d later=%s%n",
          requests.get(0), requests.subList(1, requests.size()).stream().distinct().toList());
      System.out.println("requests of the last run: " + lastBreakdown);
      System.out.printf(
          "bytes from the git server: job fetch=%d, plain depth-1 clone=%d (%.1fx)%n",
          fetchBytes, cloneBytes, (double) cloneBytes / Math.max(1, fetchBytes));
    }
  }

  private static long depthOneClone(AppHarness h) throws Exception {
    long before = h.git.bytesSent();
    Path target = Files.createTempDirectory("bench-clone");
    try (Git clone =
        Git.cloneRepository()
            .setURI(h.git.url())
            .setDirectory(target.toFile())
            .setBare(true)
            .setDepth(1)
            .setCredentialsProvider(
                new UsernamePasswordCredentialsProvider("x-access-token", AppHarness.TOKEN))
            .call()) {
      return h.git.bytesSent() - before;
    } finally {
      try (var paths = Files.walk(target)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static String dockerfile(int service, String image, boolean head) {
    return "FROM "
        + image
        + "\nWORKDIR /srv/svc"
        + service
        + "\nCOPY package.json ./\nRUN npm ci\nCOPY . .\n"
        + (head ? "EXPOSE 80" + service + "\n" : "")
        + "CMD [\"node\", \"index.js\"]\n";
  }
}
