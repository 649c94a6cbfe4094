package io.hullcheck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.job.CheckConclusion;
import io.hullcheck.job.JobOutcome;
import io.hullcheck.job.JobRequest;
import io.hullcheck.testing.WebhookClient;
import io.hullcheck.testing.WebhookPayloads;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real server on a loopback port, with a job runner that records what it was asked to do. */
class WebhookServerTest {
  private static final String SECRET = "webhook-secret-for-tests";
  private static final String HEAD_A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  private static final String HEAD_B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

  /** A job the recording runner saw, with its cancellation flag as the job saw it. */
  record Seen(JobRequest request, BooleanSupplier cancelled) {}

  private final LinkedBlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
  private volatile CountDownLatch release = new CountDownLatch(0);
  private WebhookServer server;
  private WebhookClient client;

  @BeforeEach
  void start() {
    JobRunner runner =
        (request, cancelled) -> {
          seen.add(new Seen(request, cancelled));
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          CheckConclusion conclusion =
              cancelled.getAsBoolean() ? CheckConclusion.CANCELLED : CheckConclusion.SUCCESS;
          return new JobOutcome(
              request.pr(),
              request.headSha(),
              1,
              conclusion,
              1,
              0,
              0,
              1,
              0,
              10,
              Map.of("DF001", 1));
        };
    server =
        WebhookServer.start(
            new WebhookServer.Config(
                "127.0.0.1",
                0,
                SECRET.getBytes(StandardCharsets.UTF_8),
                1234,
                2,
                runner,
                new ServerMetrics(),
                () -> true));
    client = new WebhookClient(server.port(), SECRET);
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.close();
  }

  private Seen nextJob() throws InterruptedException {
    Seen job = seen.poll(10, TimeUnit.SECONDS);
    assertNotNull(job, "no job ran");
    return job;
  }

  @ParameterizedTest(name = "{0}.{1} -> {2}")
  @CsvSource({
    "pull_request, opened,           202, opened",
    "pull_request, synchronize,      202, synchronize",
    "pull_request, reopened,         202, reopened",
    "pull_request, ready_for_review, 202, ready_for_review",
    "pull_request, closed,           200, ",
    "pull_request, labeled,          200, ",
    "pull_request, converted_to_draft, 200, ",
    "check_suite,  requested,        202, check_suite.requested",
    "check_suite,  rerequested,      202, check_suite.rerequested",
    "check_suite,  completed,        200, ",
    "check_run,    rerequested,      202, rerequested",
    "check_run,    created,          200, ",
    "check_run,    completed,        200, ",
    "issue_comment, created,         200, ",
  })
  void routesEventsAndActions(String event, String action, int status, String trigger)
      throws InterruptedException {
    String template = event.equals("issue_comment") ? "issue_comment" : event;
    byte[] body = WebhookPayloads.defaults().with("action", action).render(template);
    HttpResponse<String> response = client.deliver(event, body);
    assertEquals(status, response.statusCode(), response.body());
    if (trigger == null) {
      assertNull(seen.poll(300, TimeUnit.MILLISECONDS), "an ignored event ran a job");
      return;
    }
    Seen job = nextJob();
    assertEquals(trigger, job.request().trigger());
    assertEquals("acme/shop#7", job.request().pr().externalId());
    assertEquals(4242, job.request().pr().installationId());
  }

  @Test
  void editedRunsOnlyWhenTheBaseChanged() throws InterruptedException {
    byte[] title =
        WebhookPayloads.defaults().with("action", "edited").titleChanged().render("pull_request");
    assertEquals(200, client.deliver("pull_request", title).statusCode());
    assertNull(seen.poll(300, TimeUnit.MILLISECONDS));
    byte[] base =
        WebhookPayloads.defaults()
            .with("action", "edited")
            .baseChanged(HEAD_A)
            .render("pull_request");
    assertEquals(202, client.deliver("pull_request", base).statusCode());
    assertEquals("edited", nextJob().request().trigger());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "our rerun button,           1234, rerun,   202",
    "an unknown button,          1234, explain, 200",
    "another App's check run,    9999, rerun,   200",
  })
  void requestedActionOnlyForOurButtons(String scenario, long appId, String id, int status)
      throws InterruptedException {
    byte[] body =
        WebhookPayloads.defaults()
            .with("action", "requested_action")
            .with("app_id", appId)
            .with("identifier", id)
            .render("check_run");
    assertEquals(status, client.deliver("check_run", body).statusCode(), scenario);
    if (status == 202) {
      Seen job = nextJob();
      assertNull(job.request().headSha(), "a re-run reviews the current head");
      assertEquals("acme/shop#7", job.request().pr().externalId());
    } else {
      assertNull(seen.poll(300, TimeUnit.MILLISECONDS), scenario);
    }
  }

  @Test
  void forkCheckRunMapsBackThroughTheExternalId() throws InterruptedException {
    byte[] body =
        WebhookPayloads.defaults()
            .with("action", "rerequested")
            .with("external_id", "acme/shop#31")
            .render("check_run");
    assertEquals(202, client.deliver("check_run", body).statusCode());
    assertEquals(31, nextJob().request().pr().number());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no signature          | NONE      | pull_request | d1 | {}             | 401",
        "wrong secret          | other     | pull_request | d1 | {}             | 401",
        "missing event header  | SECRET    | NONE         | d1 | {}             | 400",
        "missing delivery      | SECRET    | pull_request | NONE | {}           | 400",
        "malformed JSON        | SECRET    | pull_request | d1 | {\"action\":   | 400",
        "JSON array            | SECRET    | pull_request | d1 | []             | 400",
        "no installation       | SECRET    | pull_request | d1 | {\"action\":\"opened\",\"pull_request\":{\"number\":1,\"head\":{\"sha\":\"x\"}},\"repository\":{\"name\":\"r\",\"owner\":{\"login\":\"o\"}}} | 400",
      })
  void rejectsBadDeliveries(
      String scenario, String key, String event, String delivery, String body, int status) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(client.uri("/webhook"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    if (!key.equals("NONE")) {
      String secret = key.equals("SECRET") ? SECRET : key;
      request.header(
          "X-Hub-Signature-256",
          WebhookSignature.sign(secret.getBytes(StandardCharsets.UTF_8), bytes));
    }
    if (!event.equals("NONE")) {
      request.header("X-GitHub-Event", event);
    }
    if (!delivery.equals("NONE")) {
      request.header("X-GitHub-Delivery", delivery);
    }
    assertEquals(status, client.send(request.build()).statusCode(), scenario);
    assertTrue(seen.isEmpty(), scenario);
  }

  /**
   * Over a raw socket, so neither case races the server: with a declared length only the headers
   * are sent (the server must answer from them alone); a chunked body is sent in full before the
   * answer is read (the server must count the bytes, then drain the short tail).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"declared Content-Length, true", "chunked without a length, false"})
  @Timeout(60)
  void rejectsPayloadsAbove25Megabytes(String scenario, boolean declared) throws IOException {
    int size = WebhookServer.MAX_PAYLOAD_BYTES + 1;
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
      String head =
          "POST /webhook HTTP/1.1\r\nHost: localhost\r\nX-GitHub-Event: pull_request\r\n"
              + "X-GitHub-Delivery: big\r\nContent-Type: application/json\r\n"
              + (declared ? "Content-Length: " + size : "Transfer-Encoding: chunked")
              + "\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      if (!declared) {
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, (byte) ' ');
        for (int left = size; left > 0; left -= chunk.length) {
          int n = Math.min(left, chunk.length);
          out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(chunk, 0, n);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
      String status =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      assertNotNull(status, scenario);
      assertTrue(status.startsWith("HTTP/1.1 413 "), scenario + ": " + status);
    }
  }

  @Test
  void aRedeliveryOfAHandledDeliveryRunsNothing() throws InterruptedException {
    byte[] body = WebhookPayloads.defaults().with("action", "opened").render("pull_request");
    assertEquals(202, client.deliver("pull_request", "delivery-1", body).statusCode());
    nextJob();
    awaitIdle();
    HttpResponse<String> again = client.deliver("pull_request", "delivery-1", body);
    assertEquals(200, again.statusCode());
    assertEquals("duplicate delivery", again.body());
    assertNull(seen.poll(300, TimeUnit.MILLISECONDS));
  }

  @Test
  void aPushAndItsCheckSuiteRunOneJob() throws InterruptedException {
    Function<String, byte[]> payload =
        template ->
            WebhookPayloads.defaults()
                .with("action", template.equals("pull_request") ? "synchronize" : "requested")
                .with("head_sha", HEAD_A)
                .render(template);
    assertEquals(202, client.deliver("pull_request", payload.apply("pull_request")).statusCode());
    nextJob();
    awaitIdle();
    HttpResponse<String> suite = client.deliver("check_suite", payload.apply("check_suite"));
    assertEquals(200, suite.statusCode());
    assertNull(seen.poll(300, TimeUnit.MILLISECONDS));
  }

  @Test
  void aNewerHeadCancelsTheRunningJobAndRunsAfterIt() throws InterruptedException {
    release = new CountDownLatch(1);
    byte[] first =
        WebhookPayloads.defaults()
            .with("action", "opened")
            .with("head_sha", HEAD_A)
            .render("pull_request");
    byte[] second =
        WebhookPayloads.defaults()
            .with("action", "synchronize")
            .with("head_sha", HEAD_B)
            .render("pull_request");
    assertEquals(202, client.deliver("pull_request", first).statusCode());
    Seen running = nextJob();
    assertFalse(running.cancelled().getAsBoolean());
    assertEquals(202, client.deliver("pull_request", second).statusCode());
    assertTrue(running.cancelled().getAsBoolean(), "the older head was not told to cancel");
    assertNull(seen.poll(300, TimeUnit.MILLISECONDS), "two jobs of one PR ran at once");
    release.countDown();
    Seen next = nextJob();
    assertEquals(HEAD_B, next.request().headSha());
    assertFalse(next.cancelled().getAsBoolean());
  }

  @Test
  void aQueuedOlderHeadRunsAlreadyCancelled() throws InterruptedException {
    release = new CountDownLatch(1);
    String headC = "cccccccccccccccccccccccccccccccccccccccc";
    for (String head : new String[] {HEAD_A, HEAD_B, headC}) {
      byte[] body =
          WebhookPayloads.defaults()
              .with("action", "synchronize")
              .with("head_sha", head)
              .render("pull_request");
      assertEquals(202, client.deliver("pull_request", body).statusCode());
    }
    Seen a = nextJob();
    release.countDown();
    Seen b = nextJob();
    Seen c = nextJob();
    assertEquals(HEAD_B, b.request().headSha());
    assertTrue(a.cancelled().getAsBoolean());
    assertTrue(b.cancelled().getAsBoolean(), "a queued superseded job must run cancelled");
    assertEquals(headC, c.request().headSha());
    assertFalse(c.cancelled().getAsBoolean());
  }

  @Test
  void servesHealthReadinessAndMetrics() throws InterruptedException {
    assertEquals(200, client.get("/healthz").statusCode());
    assertEquals(200, client.get("/readyz").statusCode());
    client.deliver(
        "pull_request", WebhookPayloads.defaults().with("action", "opened").render("pull_request"));
    nextJob();
    awaitIdle();
    String metrics = client.get("/metrics").body();
    for (String expected :
        new String[] {
          "hullcheck_webhook_deliveries_total{event=\"pull_request\",outcome=\"queued\"} 1.0",
          "hullcheck_queue_depth 0.0",
          "hullcheck_job_duration_seconds_count{conclusion=\"success\"} 1",
          "hullcheck_findings_total{rule=\"DF001\"} 1.0",
        }) {
      assertTrue(metrics.contains(expected), expected + " not in\n" + metrics);
    }
  }

  private void awaitIdle() throws InterruptedException {
    for (int i = 0; i < 200 && !server.queue().idle(); i++) {
      Thread.sleep(25);
    }
    assertTrue(server.queue().idle());
  }
}
