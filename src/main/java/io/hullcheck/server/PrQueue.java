package io.hullcheck.server;

import io.hullcheck.job.JobOutcome;
import io.hullcheck.job.JobRequest;
import io.hullcheck.job.PrRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs jobs off the request thread: one lane per pull request, whose jobs run one at a time and in
 * order, on a fixed pool of workers shared by all lanes.
 *
 * <p>A job for a new head supersedes every older job of its lane: a running one is told to cancel
 * (it stops at its next stage boundary and completes its check run as {@code cancelled}); queued
 * ones still run, already cancelled, so that they too end with a {@code cancelled} run rather than
 * none. An automatic trigger for a head that is queued, running or was reviewed within the last
 * {@link #RECENT} is a duplicate and is dropped. Thread-safe.
 */
public final class PrQueue implements AutoCloseable {
  /** How long a finished head counts as just reviewed for duplicate automatic triggers. */
  static final Duration RECENT = Duration.ofMinutes(10);

  private static final Logger log = LoggerFactory.getLogger(PrQueue.class);

  private final ExecutorService workers;
  private final JobRunner runner;
  private final ServerMetrics metrics;
  private final DeliveryLog deliveries;
  private final Clock clock;
  private final Map<String, Lane> lanes = new HashMap<>();
  private final AtomicInteger depth = new AtomicInteger();

  /** What became of a submitted job. */
  public enum Submission {
    QUEUED,
    DUPLICATE
  }

  private static final class Item {
    final Trigger trigger;
    final String deliveryId;
    volatile boolean cancelled;

    Item(Trigger trigger, String deliveryId) {
      this.trigger = trigger;
      this.deliveryId = deliveryId;
    }

    String head() {
      return trigger.request().headSha();
    }
  }

  private static final class Lane {
    final Deque<Item> waiting = new ArrayDeque<>();
    Item running;
    String lastHead;
    Instant lastDone = Instant.MIN;

    boolean idle() {
      return running == null && waiting.isEmpty();
    }
  }

  PrQueue(
      int workerCount,
      JobRunner runner,
      ServerMetrics metrics,
      DeliveryLog deliveries,
      Clock clock) {
    AtomicInteger threadNumber = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            workerCount,
            task -> {
              Thread thread = new Thread(task, "hullcheck-job-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.runner = runner;
    this.metrics = metrics;
    this.deliveries = deliveries;
    this.clock = clock;
    metrics.queueDepth(depth);
  }

  /** Jobs waiting for a worker (running ones are not counted). */
  public int depth() {
    return depth.get();
  }

  /** Queues a job unless it duplicates one that is queued, running or just finished. */
  public Submission submit(Trigger trigger, String deliveryId) {
    JobRequest request = trigger.request();
    String head = request.headSha();
    boolean start;
    synchronized (lanes) {
      evictIdleLanes();
      Lane lane = lanes.computeIfAbsent(key(request.pr()), k -> new Lane());
      if (!trigger.explicit() && head != null && duplicate(lane, head)) {
        return Submission.DUPLICATE;
      }
      if (head != null) {
        supersede(lane, head);
      }
      lane.waiting.addLast(new Item(trigger, deliveryId));
      depth.incrementAndGet();
      start = lane.running == null && lane.waiting.size() == 1;
      if (start) {
        Lane startLane = lane;
        workers.execute(() -> runNext(startLane));
      }
    }
    return Submission.QUEUED;
  }

  private boolean duplicate(Lane lane, String head) {
    if (lane.running != null && !lane.running.cancelled && head.equals(lane.running.head())) {
      return true;
    }
    for (Item item : lane.waiting) {
      if (!item.cancelled && head.equals(item.head())) {
        return true;
      }
    }
    return head.equals(lane.lastHead) && lane.lastDone.plus(RECENT).isAfter(clock.instant());
  }

  private static void supersede(Lane lane, String head) {
    if (lane.running != null && !head.equals(lane.running.head())) {
      lane.running.cancelled = true;
    }
    for (Item item : lane.waiting) {
      if (!head.equals(item.head())) {
        item.cancelled = true;
      }
    }
  }

  private void runNext(Lane lane) {
    Item item;
    synchronized (lanes) {
      item = lane.waiting.pollFirst();
      if (item == null) {
        return;
      }
      depth.decrementAndGet();
      lane.running = item;
    }
    boolean succeeded = run(item);
    deliveries.finished(item.deliveryId, succeeded);
    synchronized (lanes) {
      lane.running = null;
      if (succeeded && !item.cancelled) {
        lane.lastHead = item.head();
        lane.lastDone = clock.instant();
      }
      if (!lane.waiting.isEmpty()) {
        workers.execute(() -> runNext(lane));
      }
    }
  }

  private boolean run(Item item) {
    JobRequest request = item.trigger.request();
    PrRef pr = request.pr();
    try (var ignored = mdc(item)) {
      long started = System.nanoTime();
      String outcome = "error";
      try {
        log.info(
            "job started: trigger={}{}", request.trigger(), item.cancelled ? " (superseded)" : "");
        JobOutcome result = runner.run(request, () -> item.cancelled);
        outcome = result.conclusion().apiName();
        metrics.findings(result.findingsByRule());
        metrics.bytesFetched(result.bytesFetched());
        log.info(
            "job finished: conclusion={} new={} preExisting={} fixed={} comments={} resolved={}"
                + " bytesFetched={}",
            outcome,
            result.newFindings(),
            result.preExisting(),
            result.fixed(),
            result.commentsPosted(),
            result.threadsResolved(),
            result.bytesFetched());
        return true;
      } catch (RuntimeException e) {
        // The message is ours or GitHub's error text; neither carries tokens or payloads.
        log.error(
            "job failed for {}: {}: {}",
            pr.externalId(),
            e.getClass().getSimpleName(),
            e.getMessage());
        return false;
      } finally {
        metrics.jobDuration(outcome, System.nanoTime() - started);
      }
    }
  }

  /** A try-with-resources scope that closes without checked exceptions. */
  private interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  private static Scope mdc(Item item) {
    JobRequest request = item.trigger.request();
    MDC.put("delivery", item.deliveryId);
    MDC.put("installation", Long.toString(request.pr().installationId()));
    MDC.put("repository", request.pr().fullName());
    MDC.put("pr", Integer.toString(request.pr().number()));
    MDC.put("sha", request.headSha() == null ? "current" : request.headSha());
    return MDC::clear;
  }

  private void evictIdleLanes() {
    Instant cutoff = clock.instant().minus(RECENT);
    for (Iterator<Lane> it = lanes.values().iterator(); it.hasNext(); ) {
      Lane lane = it.next();
      if (lane.idle() && lane.lastDone.isBefore(cutoff)) {
        it.remove();
      }
    }
  }

  private static String key(PrRef pr) {
    return pr.externalId().toLowerCase(Locale.ROOT);
  }

  /** Stops taking work and waits up to {@code timeout} for running jobs. */
  public void shutdown(Duration timeout) {
    workers.shutdown();
    try {
      if (!workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Whether no job is queued or running; for tests and graceful shutdown. */
  public boolean idle() {
    synchronized (lanes) {
      return lanes.values().stream().allMatch(Lane::idle);
    }
  }

  @Override
  public void close() {
    shutdown(Duration.ofSeconds(30));
  }
}
