package io.hullcheck.server;

import io.hullcheck.github.CallObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The App's metrics, served by {@code GET /metrics} in Prometheus text format. Thread-safe.
 *
 * <ul>
 *   <li>{@code hullcheck_webhook_deliveries_total{event,outcome}}
 *   <li>{@code hullcheck_job_duration_seconds{conclusion}}
 *   <li>{@code hullcheck_queue_depth}
 *   <li>{@code hullcheck_github_calls_total{method,kind,status}}
 *   <li>{@code hullcheck_github_rate_limit_remaining{resource}}
 *   <li>{@code hullcheck_findings_total{rule}}
 *   <li>{@code hullcheck_fetch_bytes} (pack bytes received per job)
 * </ul>
 */
public final class ServerMetrics implements CallObserver {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, AtomicLong> remaining = new ConcurrentHashMap<>();
  private final DistributionSummary fetchBytes;

  public ServerMetrics() {
    fetchBytes =
        DistributionSummary.builder("hullcheck.fetch.bytes")
            .description("Pack bytes JGit received per job")
            .baseUnit("bytes")
            .register(registry);
  }

  /** One webhook delivery and what became of it. */
  public void delivery(String event, String outcome) {
    Counter.builder("hullcheck.webhook.deliveries")
        .description("Webhook deliveries by event and outcome")
        .tag("event", event)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  void jobDuration(String conclusion, long nanos) {
    Timer.builder("hullcheck.job.duration")
        .description("Time from a job's start to its end")
        .tag("conclusion", conclusion)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  void queueDepth(AtomicInteger depth) {
    Gauge.builder("hullcheck.queue.depth", depth, AtomicInteger::get)
        .description("Jobs waiting for a worker")
        .register(registry);
  }

  void findings(Map<String, Integer> byRule) {
    byRule.forEach(
        (rule, count) ->
            Counter.builder("hullcheck.findings")
                .description("Findings on reviewed heads, by rule")
                .tag("rule", rule)
                .register(registry)
                .increment(count));
  }

  void bytesFetched(long bytes) {
    fetchBytes.record(bytes);
  }

  @Override
  public void call(String method, String kind, int status) {
    Counter.builder("hullcheck.github.calls")
        .description("Calls to GitHub's API")
        .tag("method", method)
        .tag("kind", kind)
        .tag("status", Integer.toString(status))
        .register(registry)
        .increment();
  }

  @Override
  public void rateLimitRemaining(String resource, long value) {
    remaining
        .computeIfAbsent(
            resource,
            r -> {
              AtomicLong holder = new AtomicLong(-1);
              Gauge.builder("hullcheck.github.rate.limit.remaining", holder, AtomicLong::get)
                  .description("Requests left in GitHub's current rate-limit window")
                  .tag("resource", r)
                  .register(registry);
              return holder;
            })
        .set(value);
  }

  /** The Prometheus text exposition of every metric. */
  public String scrape() {
    return registry.scrape();
  }
}
