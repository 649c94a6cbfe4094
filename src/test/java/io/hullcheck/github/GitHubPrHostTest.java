package io.hullcheck.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hullcheck.job.Annotation;
import io.hullcheck.job.AnnotationLevel;
import io.hullcheck.job.ChangedFile;
import io.hullcheck.job.CheckConclusion;
import io.hullcheck.job.CheckRunOutput;
import io.hullcheck.job.CheckRunUpdate;
import io.hullcheck.job.FileStatus;
import io.hullcheck.job.GitCredentials;
import io.hullcheck.job.HostException;
import io.hullcheck.job.PrRef;
import io.hullcheck.job.PullRequest;
import io.hullcheck.job.ReviewComment;
import io.hullcheck.job.ReviewRejectedException;
import io.hullcheck.job.ReviewRequest;
import io.hullcheck.job.ReviewThread;
import io.hullcheck.testing.FakeGitHub;
import io.hullcheck.testing.TestKeys;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GitHubPrHost against GitHub's API played by WireMock ({@link FakeGitHub}). */
class GitHubPrHostTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PrRef PR = new PrRef("acme", "shop", 7, 4242);
  private static final String PATCH =
      "@@ -0,0 +1,4 @@\n+FROM node:latest\n+WORKDIR /app\n+COPY . .\n+RUN npm install";

  private FakeGitHub github;
  private GitHubApp app;

  @BeforeEach
  void start() throws Exception {
    github = new FakeGitHub();
    FakeGitHub.Pr pull = github.pull(7);
    pull.baseSha = "1111111111111111111111111111111111111111";
    pull.headSha = "2222222222222222222222222222222222222222";
    pull.cloneUrl = "http://127.0.0.1:1/acme/shop.git";
    pull.file("Dockerfile", "added", PATCH);
    app = app(Duration.ofSeconds(5));
  }

  private GitHubApp app(Duration maxWait) throws Exception {
    Settings settings =
        Settings.builder()
            .appId("1234")
            .privateKey(PrivateKeys.parsePem(TestKeys.pkcs1Pem()))
            .webhookSecret("unused")
            .apiUrl(URI.create(github.baseUrl()))
            .contentSpacing(Duration.ZERO)
            .maxRetryWait(maxWait)
            .build();
    return new GitHubApp(settings, CallObserver.NONE, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    github.close();
  }

  @Test
  void readsThePullRequestWithATokenLimitedToTheRepository() {
    PullRequest pr = app.host(PR).pullRequest(PR);
    assertEquals("2222222222222222222222222222222222222222", pr.headSha());
    assertEquals("1111111111111111111111111111111111111111", pr.baseSha());
    assertEquals("http://127.0.0.1:1/acme/shop.git", pr.cloneUrl());
    assertFalse(pr.fork());
    assertFalse(pr.draft());
    FakeGitHub.Received token = github.requests().get(0);
    assertEquals("/app/installations/4242/access_tokens", token.path());
    assertEquals(
        json(
            "{\"repositories\":[\"shop\"],\"permissions\":"
                + "{\"checks\":\"write\",\"metadata\":\"read\",\"pull_requests\":\"write\"}}"),
        token.body());
    assertTrue(token.authorization().startsWith("Bearer "), "the token request is made as the App");
    for (FakeGitHub.Received r : github.requests().subList(1, github.requests().size())) {
      assertEquals("token " + github.tokens().get(0), r.authorization(), r.path());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"same repository, false", "fork, true"})
  void tellsForksApart(String scenario, boolean fork) {
    github.pull(7).fork = fork;
    assertEquals(fork, app.host(PR).pullRequest(PR).fork(), scenario);
  }

  @Test
  void listsEveryPageOfFiles() {
    for (int i = 0; i < 149; i++) {
      github.pull(7).file("svc" + i + "/compose.yaml", "modified", "@@ -1 +1 @@\n-a\n+b");
    }
    github.pull(7).renamed("docker/Dockerfile", "Dockerfile.old", null);
    List<ChangedFile> files = app.host(PR).changedFiles(PR);
    assertEquals(151, files.size());
    assertEquals(new ChangedFile("Dockerfile", null, FileStatus.ADDED, PATCH), files.get(0));
    assertEquals(
        new ChangedFile("docker/Dockerfile", "Dockerfile.old", FileStatus.RENAMED, null),
        files.get(150));
    List<String> pages =
        github.requests().stream()
            .map(FakeGitHub.Received::path)
            .filter(p -> p.contains("/files"))
            .collect(Collectors.toList());
    assertEquals(
        List.of(
            "/repos/acme/shop/pulls/7/files?per_page=100",
            "/repos/acme/shop/pulls/7/files?per_page=100&page=2"),
        pages);
  }

  @Test
  void gitGetsItsOwnReadOnlyToken() {
    GitCredentials credentials = app.host(PR).gitCredentials(PR);
    assertEquals("x-access-token", credentials.username());
    assertEquals(github.tokens().get(0), credentials.secret());
    assertEquals(
        json(
            "{\"repositories\":[\"shop\"],\"permissions\":{\"contents\":\"read\",\"metadata\":\"read\"}}"),
        github.requests().get(0).body());
    assertFalse(credentials.toString().contains(credentials.secret()));
  }

  @Test
  void cachesInstallationTokensAcrossJobs() {
    app.host(PR).pullRequest(PR);
    app.host(PR).pullRequest(PR);
    assertEquals(1, github.tokens().size());
  }

  @Test
  void createsAndCompletesACheckRunOneRequestPerBatch() {
    GitHubPrHost host = app.host(PR);
    long id = host.createCheckRun(PR, "Hullcheck", github.pull(7).headSha, PR.externalId());
    Annotation a1 =
        new Annotation(
            "Dockerfile",
            1,
            1,
            6,
            17,
            AnnotationLevel.WARNING,
            "Pin the base image",
            "msg 1",
            null);
    Annotation a2 =
        new Annotation(
            "Dockerfile", 3, 4, null, null, AnnotationLevel.FAILURE, null, "msg 2", "raw");
    host.updateCheckRun(
        PR,
        id,
        new CheckRunUpdate(null, new CheckRunOutput("2 findings", "sum", null, List.of(a1))));
    host.updateCheckRun(
        PR,
        id,
        new CheckRunUpdate(
            CheckConclusion.FAILURE, new CheckRunOutput("2 findings", "sum", "text", List.of(a2))));
    List<FakeGitHub.Received> writes = github.writes();
    assertEquals(3, writes.size(), writes.toString());
    JsonNode create = writes.get(0).body();
    assertEquals("Hullcheck", create.path("name").asText());
    assertEquals(github.pull(7).headSha, create.path("head_sha").asText());
    assertEquals("in_progress", create.path("status").asText());
    assertEquals("acme/shop#7", create.path("external_id").asText());
    assertTrue(create.has("started_at"));
    JsonNode batch = writes.get(1).body();
    assertFalse(batch.has("status") || batch.has("conclusion"), batch.toString());
    assertEquals(
        json(
            "[{\"path\":\"Dockerfile\",\"start_line\":1,\"end_line\":1,\"start_column\":6,"
                + "\"end_column\":17,\"annotation_level\":\"warning\",\"message\":\"msg 1\","
                + "\"title\":\"Pin the base image\"}]"),
        sorted(batch.path("output").path("annotations")));
    JsonNode last = writes.get(2).body();
    assertEquals("completed", last.path("status").asText());
    assertEquals("failure", last.path("conclusion").asText());
    assertTrue(last.has("completed_at"));
    assertEquals("text", last.path("output").path("text").asText());
    assertEquals(
        json(
            "[{\"label\":\"Re-run Hullcheck\",\"description\":\"Review this pull request"
                + " again\",\"identifier\":\"rerun\"}]"),
        last.path("actions"));
    assertEquals(
        json(
            "[{\"path\":\"Dockerfile\",\"start_line\":3,\"end_line\":4,"
                + "\"annotation_level\":\"failure\",\"message\":\"msg 2\",\"raw_details\":\"raw\"}]"),
        sorted(last.path("output").path("annotations")));
    assertEquals(2, github.checkRuns().get(id).path("output").path("annotations").size());
  }

  @Test
  void postsOneReviewWithRightSideComments() {
    GitHubPrHost host = app.host(PR);
    ReviewRequest review =
        new ReviewRequest(
            github.pull(7).headSha,
            "COMMENT",
            "Hullcheck found 2 problems",
            List.of(
                new ReviewComment("Dockerfile", 1, null, "pin\n```suggestion\nFROM node:22\n```"),
                new ReviewComment("Dockerfile", 4, 3, "range")));
    host.createReview(PR, review);
    assertEquals(
        json(
            "{\"commit_id\":\"2222222222222222222222222222222222222222\",\"body\":\"Hullcheck found"
                + " 2 problems\",\"event\":\"COMMENT\",\"comments\":["
                + "{\"path\":\"Dockerfile\",\"body\":\"pin\\n```suggestion\\nFROM node:22\\n```\","
                + "\"line\":1,\"side\":\"RIGHT\"},"
                + "{\"path\":\"Dockerfile\",\"body\":\"range\",\"line\":4,\"side\":\"RIGHT\","
                + "\"start_line\":3,\"start_side\":\"RIGHT\"}]}"),
        github.writes().get(0).body());
  }

  @Test
  void aRejectedReviewSaysWhichCommentsGitHubNamed() {
    GitHubPrHost host = app.host(PR);
    ReviewRequest review =
        new ReviewRequest(
            github.pull(7).headSha,
            "COMMENT",
            "body",
            List.of(new ReviewComment("Dockerfile", 9, null, "outside the diff")));
    ReviewRejectedException e =
        assertThrows(ReviewRejectedException.class, () -> host.createReview(PR, review));
    assertEquals(422, e.status());
    assertTrue(e.rejectedComments().isEmpty(), "GitHub names no comment");
    assertTrue(e.getMessage().contains("must be part of the diff"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "one path named among two | Path could not be resolved: compose.yaml | 1",
        "no path named            | Line could not be resolved                |  ",
      })
  void mapsNamedPathsToCommentIndexes(String scenario, String errors, Integer expected) {
    List<ReviewComment> comments =
        List.of(
            new ReviewComment("Dockerfile", 1, null, "a"),
            new ReviewComment("compose.yaml", 2, null, "b"));
    assertEquals(
        expected == null ? java.util.Set.of() : java.util.Set.of(expected),
        GitHubPrHost.rejectedComments(comments, errors),
        scenario);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "review, raw HTTP   | POST | /repos/acme/shop/pulls/7/reviews",
        "check run, hub4j   | POST | /repos/acme/shop/check-runs",
      })
  void waitsOutASecondaryRateLimit(String scenario, String method, String path) {
    github.failNext(
        method,
        path,
        403,
        Map.of("Retry-After", "1"),
        "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before"
            + " you try again.\"}");
    GitHubPrHost host = app.host(PR);
    if (path.endsWith("/reviews")) {
      host.createReview(
          PR, new ReviewRequest(github.pull(7).headSha, "COMMENT", "body", List.of()));
    } else {
      host.createCheckRun(PR, "Hullcheck", github.pull(7).headSha, PR.externalId());
    }
    long attempts = github.requests().stream().filter(r -> r.path().equals(path)).count();
    assertEquals(2, attempts, scenario + ": the call is retried once after Retry-After");
  }

  @Test
  void failsWhenTheRateLimitOutlastsTheBound() throws Exception {
    GitHubApp impatient = app(Duration.ofSeconds(2));
    github.failNext(
        "POST",
        "/repos/acme/shop/pulls/7/reviews",
        429,
        Map.of("Retry-After", "3600"),
        "{\"message\":\"secondary rate limit\"}");
    HostException e =
        assertThrows(
            HostException.class,
            () ->
                impatient
                    .host(PR)
                    .createReview(
                        PR, new ReviewRequest(github.pull(7).headSha, "COMMENT", "b", List.of())));
    assertEquals(429, e.status());
  }

  @Test
  void findsItsThreadsRepliesAndResolvesThem() {
    GitHubPrHost host = app.host(PR);
    host.createReview(
        PR,
        new ReviewRequest(
            github.pull(7).headSha,
            "COMMENT",
            "b",
            List.of(
                new ReviewComment("Dockerfile", 1, null, "<!-- hullcheck:fp1 --> one"),
                new ReviewComment("Dockerfile", 2, null, "<!-- hullcheck:fp2 --> two"))));
    long first = github.comments().get(0).id;
    github.humanReply(first, "why?");
    List<ReviewThread> threads = host.botThreads(PR);
    assertEquals(2, threads.size());
    ReviewThread one = threads.get(0);
    assertEquals("Dockerfile", one.path());
    assertEquals(1, one.line());
    assertEquals(first, one.rootCommentId());
    assertTrue(one.humanReplied());
    assertFalse(threads.get(1).humanReplied());
    host.reply(PR, first, "Fixed in 3333333");
    host.resolveThread(PR, one.threadId());
    assertTrue(host.botThreads(PR).get(0).resolved());
    JsonNode mutation = github.writes().get(2).body();
    assertTrue(mutation.path("query").asText().startsWith("mutation"));
    assertEquals(one.threadId(), mutation.path("variables").path("threadId").asText());
    assertEquals(
        "/repos/acme/shop/pulls/7/comments/" + first + "/replies", github.writes().get(1).path());
  }

  @Test
  void anOutdatedThreadHasNoLine() {
    GitHubPrHost host = app.host(PR);
    host.createReview(
        PR,
        new ReviewRequest(
            github.pull(7).headSha,
            "COMMENT",
            "b",
            List.of(new ReviewComment("Dockerfile", 1, null, "x"))));
    github.comments().get(0).outdated = true;
    assertNull(host.botThreads(PR).get(0).line());
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Annotation objects with keys in a fixed order, for equality against expected JSON. */
  private static JsonNode sorted(JsonNode annotations) {
    return json(annotations.toString());
  }
}
