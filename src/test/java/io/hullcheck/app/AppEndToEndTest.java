package io.hullcheck.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hullcheck.testing.AppHarness;
import io.hullcheck.testing.FakeGitHub;
import io.hullcheck.testing.FakeGitHub.Received;
import io.hullcheck.testing.FakeRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The App end to end with real parts on loopback: signed webhooks into the real server, the job
 * fetching from a real git server with the installation token, and GitHub's API played by a
 * stateful WireMock. Each test asserts the requests GitHub received.
 */
class AppEndToEndTest {
  static final String POLICY = "fail_on: warning\n";
  static final String DOCKERFILE =
      "FROM node:latest\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"server.js\"]\n";
  static final String COMPOSE =
      "services:\n"
          + "  web:\n"
          + "    build: .\n"
          + "    image: shop/web:1.4.2\n"
          + "    ports:\n"
          + "      - \"8080:8080\"\n"
          + "    privileged: true\n";

  /** The second push: a comment line on top shifts every line, and privileged is gone. */
  static final String COMPOSE_FIXED =
      "# The shop's web service\n"
          + "services:\n"
          + "  web:\n"
          + "    build: .\n"
          + "    image: shop/web:1.4.2\n"
          + "    ports:\n"
          + "      - \"8080:8080\"\n";

  static final String REVIEWS = "/repos/acme/shop/pulls/7/reviews";
  static final String CHECK_RUNS = "/repos/acme/shop/check-runs";
  private static final Pattern RULE =
      Pattern.compile("<!-- hullcheck:fp=[0-9a-f]+ rule=([a-z0-9-]+) -->");

  @TempDir Path dir;
  private AppHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new AppHarness(dir, Duration.ofMillis(5));
    h.base(Map.of("README.md", "# shop\n", ".github/hullcheck.yml", POLICY));
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private ObjectNode open() throws Exception {
    h.push("add the container", Map.of("Dockerfile", DOCKERFILE, "compose.yaml", COMPOSE));
    assertEquals(202, h.deliver("pull_request", payload("opened")).statusCode());
    return h.awaitCompleted(h.head);
  }

  /** A run that judged the pull request (not one that reports the job's own failure). */
  private static void assertJudged(ObjectNode run, String conclusion) {
    String title = run.path("output").path("title").asText();
    assertFalse(
        title.startsWith("Hullcheck could not finish"),
        "the job failed: " + run.path("output").path("summary").asText());
    assertEquals(conclusion, run.path("conclusion").asText(), title);
  }

  private byte[] payload(String action) {
    return h.pullRequestPayload(action).render("pull_request");
  }

  @Test
  void openedPostsOneReviewWithSuggestionsAndAFailedCheck() throws Exception {
    ObjectNode run = open();
    assertJudged(run, "failure");

    List<Received> writes = h.github.writes();
    assertEquals("POST " + CHECK_RUNS, line(writes.get(0)));
    JsonNode created = writes.get(0).body();
    assertEquals("Hullcheck", created.path("name").asText());
    assertEquals(h.head, created.path("head_sha").asText());
    assertEquals("in_progress", created.path("status").asText());
    assertEquals("acme/shop#7", created.path("external_id").asText());
    assertEquals("POST " + REVIEWS, line(writes.get(1)));

    JsonNode review = writes.get(1).body();
    assertEquals(h.head, review.path("commit_id").asText());
    assertEquals("COMMENT", review.path("event").asText());
    Map<String, JsonNode> byRule = commentsByRule(review);
    assertEquals(11, review.path("comments").size(), review.toString());
    for (JsonNode c : review.path("comments")) {
      assertEquals("RIGHT", c.path("side").asText(), c.toString());
      assertFalse(c.has("start_line"), "single-line comments only here");
    }
    assertComment(byRule.get("privileged"), "compose.yaml", 7, "```suggestion\n```");
    assertComment(
        byRule.get("port-all-interfaces"),
        "compose.yaml",
        6,
        "```suggestion\n      - \"127.0.0.1:8080:8080\"\n```");
    assertComment(
        byRule.get("user-root"),
        "Dockerfile",
        5,
        "```suggestion\nUSER 10001:10001\nCMD [\"node\", \"server.js\"]\n```");
    assertComment(byRule.get("image-tag"), "Dockerfile", 1, null);
    assertFalse(byRule.get("image-tag").path("body").asText().contains("```suggestion"));

    List<Received> patches = requests(writes, "PATCH", CHECK_RUNS + "/");
    assertFalse(patches.isEmpty());
    List<JsonNode> annotations = new ArrayList<>();
    for (Received p : patches) {
      JsonNode batch = p.body().path("output").path("annotations");
      assertTrue(batch.size() <= 50, "at most 50 annotations per request");
      batch.forEach(annotations::add);
    }
    assertEquals(11, annotations.size());
    JsonNode last = patches.get(patches.size() - 1).body();
    assertEquals("completed", last.path("status").asText());
    assertEquals("failure", last.path("conclusion").asText());
    assertTrue(
        annotations.stream()
            .anyMatch(
                a ->
                    a.path("path").asText().equals("compose.yaml")
                        && a.path("start_line").asInt() == 7
                        && a.path("annotation_level").asText().equals("failure")),
        annotations.toString());

    String metrics = h.client.get("/metrics").body();
    for (String expected :
        List.of(
            "hullcheck_findings_total{rule=\"privileged\"} 1.0",
            "hullcheck_webhook_deliveries_total{event=\"pull_request\",outcome=\"queued\"} 1.0",
            "hullcheck_github_calls_total{kind=\"rest\",method=\"POST\",status=\"200\"}",
            "hullcheck_github_rate_limit_remaining{resource=\"core\"} 4990.0",
            "hullcheck_job_duration_seconds_count{conclusion=\"failure\"} 1")) {
      assertTrue(metrics.contains(expected), expected + " not in\n" + metrics);
    }
  }

  @Test
  void withRegistryLookupsTheImageTagCommentSuggestsTheCurrentVersion() throws Exception {
    open();
    Map<String, JsonNode> offline = commentsByRule(reviews().get(0).body());
    assertFalse(offline.get("image-tag").path("body").asText().contains("```suggestion"));
    h.close();
    try (FakeRegistry registry = FakeRegistry.start()) {
      h =
          new AppHarness(
              dir.resolve("lookups"),
              Duration.ofMillis(5),
              b -> b.registryLookups(true).registryEndpoints(Map.of("docker.io", registry.url())));
      h.base(Map.of("README.md", "# shop\n", ".github/hullcheck.yml", POLICY));
      open();
      Map<String, JsonNode> online = commentsByRule(reviews().get(0).body());
      assertComment(
          online.get("image-tag"), "Dockerfile", 1, "```suggestion\nFROM node:23.5.0\n```");
    }
  }

  @Test
  void aSecondPushResolvesTheFixedThreadAndRepeatsNothing() throws Exception {
    open();
    Map<String, JsonNode> first = commentsByRule(reviews().get(0).body());
    FakeGitHub.Comment privileged =
        h.github.comments().stream()
            .filter(c -> c.body.contains("rule=privileged"))
            .findFirst()
            .orElseThrow();
    h.github.resetRequests();

    String fixed = h.push("drop privileged", Map.of("compose.yaml", COMPOSE_FIXED));
    assertEquals(202, h.deliver("pull_request", payload("synchronize")).statusCode());
    ObjectNode run = h.awaitCompleted(fixed);
    assertJudged(run, "failure");

    for (Received review : reviews()) {
      for (JsonNode c : review.body().path("comments")) {
        assertFalse(first.containsKey(rule(c)), "commented again on " + rule(c) + " after a push");
      }
    }
    List<Received> mutations = graphqlMutations();
    assertEquals(1, mutations.size(), mutations.toString());
    assertEquals(
        privileged.threadId, mutations.get(0).body().path("variables").path("threadId").asText());
    List<Received> replies =
        requests(
            h.github.writes(),
            "POST",
            "/repos/acme/shop/pulls/7/comments/" + privileged.id + "/replies");
    assertEquals(1, replies.size());
    assertTrue(
        replies.get(0).body().path("body").asText().contains(fixed.substring(0, 7)),
        replies.get(0).body().toString());
    assertTrue(
        h.github.comments().stream()
            .filter(c -> c.id == privileged.id)
            .findFirst()
            .orElseThrow()
            .resolved);
    long open =
        h.github.comments().stream().filter(c -> c.inReplyTo == null && !c.resolved).count();
    assertEquals(10, open, "the other ten threads stay open");
  }

  @Test
  void aRedeliveredWebhookChangesNothing() throws Exception {
    h.push("add the container", Map.of("Dockerfile", DOCKERFILE, "compose.yaml", COMPOSE));
    byte[] body = payload("opened");
    assertEquals(202, h.client.deliver("pull_request", "delivery-42", body).statusCode());
    h.awaitCompleted(h.head);
    int writes = h.github.writes().size();
    HttpResponse<String> again = h.client.deliver("pull_request", "delivery-42", body);
    assertEquals(200, again.statusCode(), again.body());
    h.awaitIdle();
    assertEquals(writes, h.github.writes().size());
    assertEquals(1, reviews().size());
    assertEquals(1, h.github.checkRuns().size());
  }

  @Test
  void aForkPullRequestIsReviewedFromTheBaseRepository() throws Exception {
    h.github.pull(AppHarness.NUMBER).fork = true;
    ObjectNode run = open();
    assertJudged(run, "failure");
    assertEquals(1, reviews().size());
    assertEquals(11, reviews().get(0).body().path("comments").size());
  }

  @Test
  void aDraftGetsANeutralCheckAndNoReview() throws Exception {
    h.github.pull(AppHarness.NUMBER).draft = true;
    ObjectNode run = open();
    assertEquals("neutral", run.path("conclusion").asText());
    assertEquals("Draft pull request: review skipped", run.path("output").path("title").asText());
    assertEquals(List.of(), reviews());
  }

  @Test
  void aPullRequestCannotDisableARuleForItself() throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("Dockerfile", DOCKERFILE);
    files.put("compose.yaml", COMPOSE);
    files.put(".github/hullcheck.yml", POLICY + "rules:\n  privileged: \"off\"\n");
    h.push("add the container and relax the policy", files);
    assertEquals(202, h.deliver("pull_request", payload("opened")).statusCode());
    ObjectNode run = h.awaitCompleted(h.head);
    assertJudged(run, "failure");
    Map<String, JsonNode> byRule = commentsByRule(reviews().get(0).body());
    assertComment(byRule.get("privileged"), "compose.yaml", 7, "```suggestion\n```");
    String output =
        run.path("output").path("summary").asText() + run.path("output").path("text").asText();
    assertTrue(output.contains(".github/hullcheck.yml"), "the policy edit is previewed: " + output);
  }

  @Test
  void aPullRequestWithoutDockerFilesGetsANeutralCheck() throws Exception {
    h.push("docs only", Map.of("README.md", "# shop\n\nNow with docs.\n"));
    assertEquals(202, h.deliver("pull_request", payload("opened")).statusCode());
    ObjectNode run = h.awaitCompleted(h.head);
    assertEquals("neutral", run.path("conclusion").asText());
    assertEquals("No Docker files changed", run.path("output").path("title").asText());
    assertEquals(List.of(), reviews());
  }

  @Test
  void aRejectedReviewIsRetriedOnceWithoutItsComments() throws Exception {
    h.github.failNext(
        "POST",
        REVIEWS,
        422,
        Map.of(),
        "{\"message\":\"Unprocessable Entity\",\"errors\":[\"Line could not be resolved\"],"
            + "\"documentation_url\":\"https://docs.github.com/rest/pulls/reviews\",\"status\":\"422\"}");
    ObjectNode run = open();
    assertJudged(run, "failure");
    List<Received> reviews = reviews();
    assertEquals(2, reviews.size(), reviews.toString());
    assertEquals(11, reviews.get(0).body().path("comments").size());
    assertEquals(0, reviews.get(1).body().path("comments").size());
    assertFalse(reviews.get(1).body().path("body").asText().isBlank());
  }

  @Test
  void aSecondaryRateLimitIsWaitedOut() throws Exception {
    h.github.failNext(
        "POST",
        REVIEWS,
        403,
        Map.of("Retry-After", "1"),
        "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before"
            + " you try again.\",\"documentation_url\":\"https://docs.github.com/rest\"}");
    open();
    List<Received> reviews = reviews();
    assertEquals(2, reviews.size());
    assertEquals(reviews.get(0).body(), reviews.get(1).body(), "the same review, sent again");
    assertEquals(11, h.github.comments().size(), "and posted once");
  }

  @Test
  void aBadSignatureIsRefusedBeforeAnythingHappens() throws Exception {
    h.push("add the container", Map.of("Dockerfile", DOCKERFILE, "compose.yaml", COMPOSE));
    io.hullcheck.testing.WebhookClient forger =
        new io.hullcheck.testing.WebhookClient(h.app.port(), "not-the-secret");
    assertEquals(401, forger.deliver("pull_request", payload("opened")).statusCode());
    h.awaitIdle();
    assertEquals(List.of(), h.github.requests());
  }

  @Test
  void aNewerPushCancelsTheOlderReview() throws Exception {
    FakeGitHub.Hold hold = h.github.hold("GET", "/repos/acme/shop/pulls/7/files");
    String older =
        h.push("add the container", Map.of("Dockerfile", DOCKERFILE, "compose.yaml", COMPOSE));
    assertEquals(202, h.deliver("pull_request", payload("opened")).statusCode());
    assertTrue(hold.awaitArrival(), "the first job did not reach the file list");
    String newer = h.push("drop privileged", Map.of("compose.yaml", COMPOSE_FIXED));
    assertEquals(202, h.deliver("pull_request", payload("synchronize")).statusCode());
    hold.release();
    ObjectNode cancelled = h.awaitCompleted(older);
    ObjectNode reviewed = h.awaitCompleted(newer);
    assertEquals("cancelled", cancelled.path("conclusion").asText());
    assertJudged(reviewed, "failure");
    List<Received> reviews = reviews();
    assertEquals(1, reviews.size(), "only the newer head is reviewed");
    assertEquals(newer, reviews.get(0).body().path("commit_id").asText());
  }

  @Test
  void logsCarryNoTokenKeySecretOrPayload() throws Exception {
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.classic.Logger ours =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.hullcheck");
    ch.qos.logback.classic.Level previous = ours.getLevel();
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
        new ch.qos.logback.core.read.ListAppender<>();
    appender.start();
    root.addAppender(appender);
    ours.setLevel(ch.qos.logback.classic.Level.DEBUG);
    try {
      open();
      h.push("drop privileged", Map.of("compose.yaml", COMPOSE_FIXED));
      h.deliver("pull_request", payload("synchronize"));
      h.awaitCompleted(h.head);
      h.deliver(
          "issue_comment", io.hullcheck.testing.WebhookPayloads.defaults().render("issue_comment"));
      new io.hullcheck.testing.WebhookClient(h.app.port(), "wrong")
          .deliver("pull_request", payload("opened"));
      h.deliver("pull_request", "{\"action\": ".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      h.awaitIdle();
    } finally {
      root.detachAppender(appender);
      ours.setLevel(previous);
    }
    StringBuilder logs = new StringBuilder();
    for (ch.qos.logback.classic.spi.ILoggingEvent e : appender.list) {
      logs.append(e.getFormattedMessage()).append(' ').append(e.getMDCPropertyMap());
      for (var t = e.getThrowableProxy(); t != null; t = t.getCause()) {
        logs.append(' ').append(t.getMessage());
      }
      logs.append('\n');
    }
    String text = logs.toString();
    assertTrue(text.contains("stage=complete-check"), "the run's logs were not captured");
    assertTrue(text.contains("webhook rejected with 401"), text);
    List<String> forbidden = new ArrayList<>();
    forbidden.add(AppHarness.TOKEN);
    forbidden.add(AppHarness.SECRET);
    forbidden.add("eyJhbGciOi"); // the start of every JWT
    for (String pem :
        List.of(
            io.hullcheck.testing.TestKeys.pkcs1Pem(), io.hullcheck.testing.TestKeys.pkcs8Pem())) {
      pem.lines().filter(l -> !l.startsWith("-----")).forEach(forbidden::add);
    }
    forbidden.add("Adds a Dockerfile and a compose file."); // the webhook payload's PR body
    forbidden.add("MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u"); // the payload's installation node id
    forbidden.add("\"pull_request\":");
    forbidden.add("```suggestion"); // review request bodies
    forbidden.add("Why it matters");
    for (String secret : forbidden) {
      assertFalse(text.contains(secret), "the logs contain " + secret);
    }
  }

  private List<Received> reviews() {
    return requests(h.github.writes(), "POST", REVIEWS);
  }

  private List<Received> graphqlMutations() {
    List<Received> out = new ArrayList<>();
    for (Received r : h.github.writes()) {
      if (r.path().equals("/graphql")) {
        out.add(r);
      }
    }
    return out;
  }

  private static List<Received> requests(List<Received> all, String method, String pathPrefix) {
    List<Received> out = new ArrayList<>();
    for (Received r : all) {
      if (r.method().equals(method) && r.path().startsWith(pathPrefix)) {
        out.add(r);
      }
    }
    return out;
  }

  private static String line(Received r) {
    return r.method() + " " + r.path();
  }

  private static String rule(JsonNode comment) {
    Matcher m = RULE.matcher(comment.path("body").asText());
    assertTrue(m.find(), "no marker in " + comment);
    return m.group(1);
  }

  private static Map<String, JsonNode> commentsByRule(JsonNode review) {
    Map<String, JsonNode> byRule = new LinkedHashMap<>();
    for (JsonNode c : review.path("comments")) {
      if (byRule.put(rule(c), c) != null) {
        throw new AssertionError("two comments for " + rule(c));
      }
    }
    return byRule;
  }

  private static void assertComment(JsonNode comment, String path, int line, String suggestion) {
    assertNotNull(comment, "missing comment on " + path + ":" + line);
    assertEquals(path, comment.path("path").asText());
    assertEquals(line, comment.path("line").asInt(), comment.toString());
    assertEquals("RIGHT", comment.path("side").asText());
    if (suggestion != null) {
      assertTrue(comment.path("body").asText().contains(suggestion), comment.path("body").asText());
    }
  }
}
