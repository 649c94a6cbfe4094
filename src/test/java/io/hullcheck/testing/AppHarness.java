package io.hullcheck.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hullcheck.app.HullcheckApp;
import io.hullcheck.github.JGitFetcher;
import io.hullcheck.github.LoopbackGitServer;
import io.hullcheck.github.PrivateKeys;
import io.hullcheck.github.Settings;
import io.hullcheck.job.JobSettings;
import io.hullcheck.rules.Registry;
import io.hullcheck.server.WebhookServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * Everything real, on loopback: the App as {@code hullcheck serve} wires it (webhook server, job
 * queue, PrJob, GitHubPrHost with hub4j and java.net.http, JGit fetcher), a git server holding a
 * test repository that requires the installation token, and {@link FakeGitHub} as GitHub's API. One
 * pull request, number 7, from {@code feature} onto {@code main}.
 */
public final class AppHarness implements AutoCloseable {
  public static final String SECRET = "e2e-webhook-secret-7f3a9c";
  public static final String TOKEN = "ghs_e2eInstallationToken7Hq2Zx9Lm4Pv";
  public static final int NUMBER = 7;

  public final FakeGitHub github;
  public final GitFixture repo;
  public final LoopbackGitServer git;
  public final WebhookServer app;
  public final WebhookClient client;
  public String base;
  public String head;
  private final Settings settings;

  public AppHarness(Path dir, Duration contentSpacing) throws Exception {
    this(dir, contentSpacing, b -> b);
  }

  /** A harness whose App settings {@code more} adjusts (registry lookups, for example). */
  public AppHarness(
      Path dir, Duration contentSpacing, java.util.function.UnaryOperator<Settings.Builder> more)
      throws Exception {
    github = new FakeGitHub().fixedToken(TOKEN);
    repo = GitFixture.create(dir.resolve("repo"));
    git = LoopbackGitServer.start(repo.repository(), true, "x-access-token", TOKEN);
    settings =
        more.apply(
                Settings.builder()
                    .appId("1234")
                    .privateKey(PrivateKeys.parsePem(TestKeys.pkcs1Pem()))
                    .webhookSecret(SECRET)
                    .apiUrl(URI.create(github.baseUrl()))
                    .host("127.0.0.1")
                    .port(0)
                    .workers(2)
                    .contentSpacing(contentSpacing)
                    .maxRetryWait(Duration.ofSeconds(10)))
            .build();
    java.nio.file.Files.createDirectories(dir.resolve("fetch"));
    app =
        HullcheckApp.start(
            settings,
            Registry.all(),
            new JGitFetcher(dir.resolve("fetch"), 60),
            JobSettings.defaults());
    client = new WebhookClient(app.port(), SECRET);
  }

  /** Commits the base on {@code main}. */
  public String base(Map<String, String> files) throws IOException, GitAPIException {
    base = repo.commit("base", files);
    return base;
  }

  /**
   * Commits a push to the PR branch and makes GitHub's view of PR 7 follow it (head sha and files
   * against the base).
   */
  public String push(String message, Map<String, String> files)
      throws IOException, GitAPIException {
    head = repo.commit(message, files);
    FakeGitHub.Pr pr = github.pull(NUMBER);
    pr.baseSha = base;
    pr.headSha = head;
    pr.cloneUrl = git.url();
    pr.files(repo.githubFiles(base, head));
    return head;
  }

  /** Points GitHub's view of pull request {@code number} at the current base and head. */
  public void openAs(int number) throws IOException {
    FakeGitHub.Pr pr = github.pull(number);
    pr.baseSha = base;
    pr.headSha = head;
    pr.cloneUrl = git.url();
    pr.files(repo.githubFiles(base, head));
  }

  /** A {@code pull_request} payload for the current head. */
  public WebhookPayloads pullRequestPayload(String action) {
    FakeGitHub.Pr pr = github.pull(NUMBER);
    return WebhookPayloads.defaults()
        .with("action", action)
        .with("number", NUMBER)
        .with("base_sha", base)
        .with("head_sha", head)
        .with("draft", pr.draft)
        .with("fork", pr.fork)
        .with("head_owner", pr.fork ? "octocat" : "acme")
        .with("head_repo_id", pr.fork ? 7777777 : 1296269)
        .with("clone_url", git.url())
        .with("head_clone_url", pr.fork ? "https://github.com/octocat/shop.git" : git.url())
        .with("api", github.baseUrl());
  }

  public HttpResponse<String> deliver(String event, byte[] body) {
    return client.deliver(event, body);
  }

  /** Waits until GitHub holds a completed check run on {@code sha} and the queue is idle. */
  public ObjectNode awaitCompleted(String sha) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ObjectNode> run =
          github.checkRuns().values().stream()
              .filter(r -> sha.equals(r.path("head_sha").asText()))
              .filter(r -> "completed".equals(r.path("status").asText()))
              .reduce((a, b) -> b);
      if (run.isPresent() && app.queue().idle()) {
        return run.get();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no completed check run on " + sha + "; runs: " + github.checkRuns());
  }

  /**
   * Waits until GitHub holds a completed check run on {@code sha} whose {@code external_id} names
   * pull request {@code number}.
   */
  public ObjectNode awaitCompleted(String sha, int number) throws InterruptedException {
    String externalId = "acme/shop#" + number;
    long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
    while (System.nanoTime() < deadline) {
      for (ObjectNode run : github.checkRuns().values()) {
        if (sha.equals(run.path("head_sha").asText())
            && externalId.equals(run.path("external_id").asText())
            && "completed".equals(run.path("status").asText())) {
          return run;
        }
      }
      Thread.sleep(2);
    }
    throw new AssertionError("no completed check run for " + externalId);
  }

  /** Waits until no job is queued or running. */
  public void awaitIdle() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!app.queue().idle()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the queue did not go idle");
      }
      Thread.sleep(20);
    }
  }

  @Override
  public void close() {
    app.close();
    git.close();
    github.close();
    repo.close();
  }
}
