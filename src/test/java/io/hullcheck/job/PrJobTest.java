package io.hullcheck.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.engine.Engine;
import io.hullcheck.github.JGitFetcher;
import io.hullcheck.github.LocalPrHost;
import io.hullcheck.github.LoopbackGitServer;
import io.hullcheck.github.Snapshots;
import io.hullcheck.rules.Registry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's outcomes other than a plain review, each on a real repository served on loopback with
 * the stand-in GitHub: every run ends in a completed check run.
 */
class PrJobTest {
  static final String BAD_DOCKERFILE = "FROM python:3.12\nEXPOSE 8000\nCMD [\"python\"]\n";
  static final PrRef PR = new PrRef("acme", "shop", 7, 42);
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;
  Repository repo;
  LoopbackGitServer server;
  ObjectId base;

  @BeforeEach
  void setUp() throws IOException {
    repo = FileRepositoryBuilder.create(tmp.resolve("r.git").toFile());
    repo.create(true);
    server = LoopbackGitServer.start(repo);
  }

  @AfterEach
  void tearDown() {
    server.close();
    repo.close();
  }

  ObjectId commit(ObjectId parent, Map<String, String> files) throws IOException {
    Map<String, Snapshots.Entry> entries = new LinkedHashMap<>();
    files.forEach((k, v) -> entries.put(k, Snapshots.Entry.file(v)));
    return Snapshots.commit(repo, "refs/heads/x", parent, entries, "c");
  }

  LocalPrHost host(ObjectId baseId, ObjectId headId) {
    LocalPrHost h = new LocalPrHost(repo, PR, server.url(), baseId.name(), CLOCK);
    h.push(headId.name());
    return h;
  }

  JobOutcome run(PrHost host, String sha) {
    return new PrJob(
            host, new JGitFetcher(tmp, 30), new Engine(Registry.all()), JobSettings.defaults())
        .run(new JobRequest(PR, sha, "opened"), () -> false);
  }

  static LocalPrHost.CheckRun onlyRun(LocalPrHost host) {
    assertEquals(1, host.checkRuns().size());
    LocalPrHost.CheckRun run = host.checkRuns().get(0);
    assertEquals("completed", run.status());
    return run;
  }

  @Test
  void theBasePolicyJudgesEvenWhenThePullRequestWeakensIt() throws IOException {
    ObjectId b = commit(null, Map.of(".hullcheck.yml", "fail_on: warning\n", "README.md", "x\n"));
    ObjectId h =
        commit(
            b,
            Map.of(
                ".hullcheck.yml", "fail_on: warning\nrules:\n  user-root: off\n",
                "README.md", "x\n",
                "Dockerfile", BAD_DOCKERFILE));
    LocalPrHost host = host(b, h);
    JobOutcome out = run(host, h.name());
    LocalPrHost.CheckRun check = onlyRun(host);
    assertEquals("failure", check.conclusion());
    assertTrue(out.findingsByRule().containsKey("user-root"), out.findingsByRule().toString());
    assertTrue(check.summary().contains("### Policy change in this pull request"), check.summary());
    assertTrue(check.summary().contains("`user-root`"), "the preview names the rule it turns off");
    assertTrue(check.summary().contains("→ 0"), check.summary());
  }

  @Test
  void anInvalidPolicyEditIsShownAsInformation() throws IOException {
    ObjectId b = commit(null, Map.of("README.md", "x\n"));
    ObjectId h =
        commit(
            b,
            Map.of(
                "README.md",
                "x\n",
                "Dockerfile",
                BAD_DOCKERFILE,
                ".hullcheck.yml",
                "fail_onn: error\n"));
    LocalPrHost host = host(b, h);
    run(host, h.name());
    LocalPrHost.CheckRun check = onlyRun(host);
    assertTrue(check.summary().contains("has an error"), check.summary());
    assertTrue(
        check.annotations().stream()
            .anyMatch(
                a -> a.path().equals(".hullcheck.yml") && a.level() == AnnotationLevel.NOTICE));
  }

  @Test
  void aBrokenBasePolicyFailsWithAnnotationsOnIt() throws IOException {
    ObjectId b = commit(null, Map.of(".github/hullcheck.yml", "rules:\n  no-such-rule: error\n"));
    ObjectId h =
        commit(
            b,
            Map.of(
                ".github/hullcheck.yml",
                "rules:\n  no-such-rule: error\n",
                "Dockerfile",
                BAD_DOCKERFILE));
    LocalPrHost host = host(b, h);
    JobOutcome out = run(host, h.name());
    LocalPrHost.CheckRun check = onlyRun(host);
    assertEquals(CheckConclusion.FAILURE, out.conclusion());
    assertTrue(check.title().startsWith("Policy .github/hullcheck.yml has 1 error"), check.title());
    Annotation a = check.annotations().get(0);
    assertEquals(".github/hullcheck.yml", a.path());
    assertEquals(2, a.startLine());
    assertEquals(AnnotationLevel.FAILURE, a.level());
    assertTrue(host.reviews().isEmpty());
  }

  @Test
  void noDockerFilesIsNeutral() throws IOException {
    ObjectId b = commit(null, Map.of("README.md", "x\n"));
    ObjectId h = commit(b, Map.of("README.md", "y\n", "app.py", "print(1)\n"));
    LocalPrHost host = host(b, h);
    run(host, h.name());
    LocalPrHost.CheckRun check = onlyRun(host);
    assertEquals("neutral", check.conclusion());
    assertEquals("No Docker files changed", check.title());
  }

  @Test
  void aChangedComposeFileIsCheckedWithTheFilesItsProjectReadsFromTheSameCommit()
      throws IOException {
    String common = "services:\n  base:\n    privileged: true\n";
    String override = "services:\n  web:\n    cap_add: [SYS_ADMIN]\n";
    ObjectId b =
        commit(
            null,
            Map.of(
                "app/compose.yaml", "services:\n  web:\n    image: nginx:1.27\n",
                "app/compose.override.yaml", override,
                "app/common/base.yml", common));
    ObjectId h =
        commit(
            b,
            Map.of(
                "app/compose.yaml",
                "services:\n  web:\n    extends:\n      file: common/base.yml\n"
                    + "      service: base\n    image: nginx:1.27\n",
                "app/compose.override.yaml",
                override,
                "app/common/base.yml",
                common));
    LocalPrHost host = host(b, h);
    JobOutcome out = run(host, h.name());
    LocalPrHost.CheckRun check = onlyRun(host);
    // Only compose.yaml changed; the extends target and the override were fetched from the head.
    assertTrue(out.findingsByRule().containsKey("privileged"), out.findingsByRule().toString());
    assertTrue(
        out.findingsByRule().containsKey("capability-dangerous"), out.findingsByRule().toString());
    List<String> paths =
        check.annotations().stream().map(a -> a.path() + ":" + a.startLine()).toList();
    assertTrue(paths.contains("app/common/base.yml:3"), paths.toString());
    assertTrue(paths.contains("app/compose.override.yaml:3"), paths.toString());
  }

  @Test
  void everyNameScanDiscoversIsReviewed() throws IOException {
    ObjectId b = commit(null, Map.of("README.md", "x\n"));
    ObjectId h =
        commit(
            b,
            Map.of(
                "README.md",
                "x\n",
                "api-Dockerfile",
                BAD_DOCKERFILE,
                "metrics-compose.yml",
                "services:\n  metrics:\n    image: prom/prometheus:v2.53.0\n"
                    + "    privileged: true\n",
                "Dockerfile",
                BAD_DOCKERFILE));
    LocalPrHost host = host(b, h);
    JobOutcome out = run(host, h.name());
    LocalPrHost.CheckRun check = onlyRun(host);
    // The user trial's branch: only Dockerfile used to be reviewed, and the check passed.
    assertEquals("failure", check.conclusion());
    assertTrue(out.findingsByRule().containsKey("privileged"), out.findingsByRule().toString());
    List<String> paths = check.annotations().stream().map(Annotation::path).distinct().toList();
    assertTrue(paths.contains("metrics-compose.yml"), paths.toString());
    assertTrue(paths.contains("api-Dockerfile"), paths.toString());
    assertTrue(paths.contains("Dockerfile"), paths.toString());
    assertTrue(
        check.annotations().stream()
            .anyMatch(a -> a.path().equals("metrics-compose.yml") && a.startLine() == 4),
        "privileged: true is on line 4");
  }

  @Test
  void aChangedFileThatDoesNotParseFailsTheCheck() throws IOException {
    ObjectId b = commit(null, Map.of("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n"));
    ObjectId h = commit(b, Map.of("compose.yaml", "services:\n  web: [unclosed\n"));
    LocalPrHost host = host(b, h);
    run(host, h.name());
    LocalPrHost.CheckRun check = onlyRun(host);
    assertEquals("failure", check.conclusion());
    assertTrue(check.title().contains("parse problem"), check.title());
  }

  @Test
  void draftsAreSkippedByDefault() throws IOException {
    ObjectId b = commit(null, Map.of("README.md", "x\n"));
    ObjectId h = commit(b, Map.of("README.md", "x\n", "Dockerfile", BAD_DOCKERFILE));
    LocalPrHost host = host(b, h);
    host.setDraft(true);
    run(host, h.name());
    LocalPrHost.CheckRun check = onlyRun(host);
    assertEquals("neutral", check.conclusion());
    assertTrue(check.title().startsWith("Draft"));
    assertTrue(host.reviews().isEmpty());
  }

  @Test
  void aRejectedReviewIsRetriedOnceWithoutItsComments() throws IOException {
    ObjectId b = commit(null, Map.of("README.md", "x\n"));
    ObjectId h = commit(b, Map.of("README.md", "x\n", "Dockerfile", BAD_DOCKERFILE));
    LocalPrHost host = host(b, h);
    AtomicInteger attempts = new AtomicInteger();
    PrHost rejectingOnce =
        new ForwardingHost(host) {
          @Override
          public long createReview(PrRef pr, ReviewRequest review) {
            if (attempts.getAndIncrement() == 0) {
              throw new ReviewRejectedException(
                  "line must be part of the diff", java.util.Set.of());
            }
            return super.createReview(pr, review);
          }
        };
    run(rejectingOnce, h.name());
    assertEquals(2, attempts.get());
    assertEquals(1, host.reviews().size());
    LocalPrHost.Review posted = host.reviews().get(0);
    assertTrue(posted.comments().isEmpty());
    assertTrue(posted.body().contains("GitHub could not place"), posted.body());
    assertTrue(posted.body().contains("`Dockerfile:"), "the findings are listed in the body");
    LocalPrHost.CheckRun check = onlyRun(host);
    assertEquals("success", check.conclusion(), "warnings only, under the default fail_on: error");
    assertTrue(check.summary().contains("could not place"));
  }

  @Test
  void anUnreachableRepositoryStillCompletesTheCheck() throws IOException {
    ObjectId b = commit(null, Map.of("README.md", "x\n"));
    ObjectId h = commit(b, Map.of("Dockerfile", BAD_DOCKERFILE));
    LocalPrHost host = new LocalPrHost(repo, PR, "http://127.0.0.1:9/nothing.git", b.name(), CLOCK);
    host.push(h.name());
    JobOutcome out = run(host, h.name());
    LocalPrHost.CheckRun check = onlyRun(host);
    assertEquals(CheckConclusion.FAILURE, out.conclusion());
    assertEquals("Hullcheck could not finish the review", check.title());
    assertTrue(check.summary().contains("Re-run"));
  }

  @Test
  void cancelledAndSupersededRunsEndCancelled() throws IOException {
    ObjectId b = commit(null, Map.of("README.md", "x\n"));
    ObjectId h = commit(b, Map.of("Dockerfile", BAD_DOCKERFILE));
    LocalPrHost host = host(b, h);
    new PrJob(host, new JGitFetcher(tmp, 30), new Engine(Registry.all()), JobSettings.defaults())
        .run(new JobRequest(PR, h.name(), "synchronize"), () -> true);
    assertEquals("cancelled", onlyRun(host).conclusion());

    LocalPrHost moved = host(b, h);
    JobOutcome out = run(moved, b.name());
    LocalPrHost.CheckRun check = onlyRun(moved);
    assertEquals(CheckConclusion.CANCELLED, out.conclusion());
    assertEquals(b.name(), check.headSha(), "the superseded commit gets the cancelled run");
    assertFalse(moved.transcript().stream().anyMatch(r -> r.path().endsWith("/reviews")));
  }

  /** Passes every call to another host; tests override one method to inject a failure. */
  static class ForwardingHost implements PrHost {
    private final PrHost d;

    ForwardingHost(PrHost d) {
      this.d = d;
    }

    @Override
    public PullRequest pullRequest(PrRef pr) {
      return d.pullRequest(pr);
    }

    @Override
    public List<ChangedFile> changedFiles(PrRef pr) {
      return d.changedFiles(pr);
    }

    @Override
    public GitCredentials gitCredentials(PrRef pr) {
      return d.gitCredentials(pr);
    }

    @Override
    public long createCheckRun(PrRef pr, String name, String headSha, String externalId) {
      return d.createCheckRun(pr, name, headSha, externalId);
    }

    @Override
    public void updateCheckRun(PrRef pr, long checkRunId, CheckRunUpdate update) {
      d.updateCheckRun(pr, checkRunId, update);
    }

    @Override
    public List<ReviewThread> botThreads(PrRef pr) {
      return d.botThreads(pr);
    }

    @Override
    public long createReview(PrRef pr, ReviewRequest review) {
      return d.createReview(pr, review);
    }

    @Override
    public void reply(PrRef pr, long commentId, String body) {
      d.reply(pr, commentId, body);
    }

    @Override
    public void resolveThread(PrRef pr, String threadId) {
      d.resolveThread(pr, threadId);
    }
  }
}
