package io.hullcheck.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The App's HTTP face: {@code POST /webhook}, {@code GET /healthz}, {@code GET /readyz} and {@code
 * GET /metrics}.
 *
 * <p>A webhook is checked in this order: size (413 above GitHub's 25 MB, by {@code Content-Length}
 * and by the bytes actually read), signature over the raw bytes (401), event and delivery headers
 * (400), JSON (400). Then it is routed and answered at once: 202 when jobs were queued, 200 when it
 * was acknowledged and ignored (an event or action Hullcheck does not handle, or a duplicate). The
 * jobs run on the {@link PrQueue}'s workers.
 */
public final class WebhookServer implements AutoCloseable {
  /** GitHub does not send payloads above 25 MB; anything larger is not from GitHub. */
  public static final int MAX_PAYLOAD_BYTES = 25 * 1024 * 1024;

  /** How much of an oversized body is read past the limit before the 413 is sent. */
  private static final long DRAIN_LIMIT_BYTES = 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EVENT_NAME = Pattern.compile("[a-z_]{1,40}");
  private static final Set<String> HANDLED_EVENTS =
      Set.of("pull_request", "check_run", "check_suite");

  private final byte[] secret;
  private final EventRouter router;
  private final PrQueue queue;
  private final DeliveryLog deliveries;
  private final ServerMetrics metrics;
  private final BooleanSupplier ready;
  private final Javalin app;
  private volatile boolean stopping;

  /**
   * Configuration of a server.
   *
   * @param webhookSecret the secret GitHub signs deliveries with; the server keeps a copy
   * @param appId our App's numeric id, to recognise our own check runs (0 if unknown)
   * @param ready whether dependencies are usable; {@code /readyz} answers 503 while false
   */
  public record Config(
      String host,
      int port,
      byte[] webhookSecret,
      long appId,
      int workers,
      JobRunner runner,
      ServerMetrics metrics,
      BooleanSupplier ready) {}

  private WebhookServer(Config config) {
    this.secret = config.webhookSecret().clone();
    this.router = new EventRouter(config.appId());
    this.metrics = config.metrics();
    this.deliveries = new DeliveryLog();
    this.queue =
        new PrQueue(config.workers(), config.runner(), metrics, deliveries, Clock.systemUTC());
    this.ready = config.ready();
    this.app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.http.maxRequestSize = MAX_PAYLOAD_BYTES;
              cfg.jetty.host = config.host();
              cfg.jetty.port = config.port();
              cfg.routes.post("/webhook", this::webhook);
              cfg.routes.get("/healthz", ctx -> ctx.result("ok"));
              cfg.routes.get("/readyz", this::readyz);
              cfg.routes.get("/metrics", this::metricsPage);
            });
  }

  /** Starts a server; {@code port} 0 picks a free port ({@link #port()} tells which). */
  public static WebhookServer start(Config config) {
    WebhookServer server = new WebhookServer(config);
    server.app.start();
    log.info("listening on {}:{}", config.host(), server.port());
    return server;
  }

  public int port() {
    return app.port();
  }

  /** The queue of jobs, for tests that wait for the server to go idle. */
  public PrQueue queue() {
    return queue;
  }

  private void webhook(Context ctx) throws IOException {
    String event = ctx.header("X-GitHub-Event");
    String delivery = ctx.header("X-GitHub-Delivery");
    String eventTag = event != null && EVENT_NAME.matcher(event).matches() ? event : "invalid";
    if (ctx.req().getContentLengthLong() > MAX_PAYLOAD_BYTES) {
      reject(ctx, eventTag, 413, "too_large", "payload larger than 25 MB");
      return;
    }
    byte[] body = readAtMost(ctx.bodyInputStream(), MAX_PAYLOAD_BYTES);
    if (body == null) {
      // A client still sending when the connection closes sees a reset instead of the 413;
      // reading a bounded tail lets one that overshot by a little get the answer.
      drainAtMost(ctx.bodyInputStream(), DRAIN_LIMIT_BYTES);
      reject(ctx, eventTag, 413, "too_large", "payload larger than 25 MB");
      return;
    }
    if (!WebhookSignature.valid(secret, body, ctx.header("X-Hub-Signature-256"))) {
      reject(ctx, eventTag, 401, "bad_signature", "missing or wrong X-Hub-Signature-256");
      return;
    }
    if (event == null || delivery == null || event.isBlank() || delivery.isBlank()) {
      reject(ctx, eventTag, 400, "malformed", "missing X-GitHub-Event or X-GitHub-Delivery");
      return;
    }
    JsonNode payload;
    try {
      payload = JSON.readTree(body);
    } catch (JacksonException e) {
      reject(ctx, eventTag, 400, "malformed", "the body is not valid JSON");
      return;
    }
    if (payload == null || !payload.isObject()) {
      reject(ctx, eventTag, 400, "malformed", "the body is not a JSON object");
      return;
    }
    if (!HANDLED_EVENTS.contains(eventTag)) {
      eventTag = "other";
    }
    MDC.put("delivery", delivery);
    try {
      dispatch(ctx, event, eventTag, delivery, payload);
    } finally {
      MDC.clear();
    }
  }

  private void dispatch(
      Context ctx, String event, String eventTag, String delivery, JsonNode payload) {
    EventRouter.Route route;
    try {
      route = router.route(event, payload);
    } catch (IllegalArgumentException e) {
      reject(ctx, eventTag, 400, "malformed", e.getMessage());
      return;
    }
    if (route.ignored()) {
      log.debug("delivery ignored: {}", route.ignoredBecause());
      metrics.delivery(eventTag, "ignored");
      ctx.status(200).result("ignored: " + route.ignoredBecause());
      return;
    }
    if (stopping) {
      reject(ctx, eventTag, 503, "unavailable", "shutting down");
      return;
    }
    if (!deliveries.claim(delivery, route.triggers().size())) {
      log.info("delivery already handled or in progress; not queued again");
      metrics.delivery(eventTag, "duplicate");
      ctx.status(200).result("duplicate delivery");
      return;
    }
    int queued = 0;
    for (Trigger trigger : route.triggers()) {
      if (queue.submit(trigger, delivery) == PrQueue.Submission.QUEUED) {
        queued++;
        log.info(
            "queued {} for {} at {}",
            trigger.request().trigger(),
            trigger.request().pr().externalId(),
            trigger.request().headSha() == null ? "the current head" : trigger.request().headSha());
      } else {
        deliveries.finished(delivery, true);
        log.debug(
            "{} for {} duplicates a queued, running or just finished job",
            trigger.request().trigger(),
            trigger.request().pr().externalId());
      }
    }
    String outcome = queued > 0 ? "queued" : "duplicate";
    metrics.delivery(eventTag, outcome);
    ctx.status(queued > 0 ? 202 : 200).result(outcome);
  }

  private void reject(Context ctx, String eventTag, int status, String outcome, String reason) {
    log.warn("webhook rejected with {}: {}", status, reason);
    metrics.delivery(eventTag, outcome);
    ctx.status(status).result(reason);
  }

  private void readyz(Context ctx) {
    if (!stopping && ready.getAsBoolean()) {
      ctx.result("ready");
    } else {
      ctx.status(503).result("not ready");
    }
  }

  private void metricsPage(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }

  /** The stream's bytes, or null when there are more than {@code limit}. */
  static byte[] readAtMost(InputStream in, int limit) throws IOException {
    byte[] buffer = new byte[8192];
    int size = 0;
    while (true) {
      if (size == buffer.length) {
        if (size > limit) {
          return null;
        }
        buffer = Arrays.copyOf(buffer, Math.min(size * 2, limit + 1));
      }
      int read = in.read(buffer, size, buffer.length - size);
      if (read < 0) {
        return size > limit ? null : Arrays.copyOf(buffer, size);
      }
      size += read;
    }
  }

  /** Reads and discards up to {@code limit} bytes, or until the end of the stream. */
  static void drainAtMost(InputStream in, long limit) throws IOException {
    byte[] buffer = new byte[8192];
    long drained = 0;
    int read;
    while (drained < limit && (read = in.read(buffer)) >= 0) {
      drained += read;
    }
  }

  /** Stops accepting webhooks, lets running jobs finish (up to 30 s), then stops the server. */
  @Override
  public void close() {
    stopping = true;
    queue.shutdown(Duration.ofSeconds(30));
    app.stop();
  }
}
