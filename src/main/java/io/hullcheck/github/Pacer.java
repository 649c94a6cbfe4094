package io.hullcheck.github;

import java.time.Duration;

/**
 * Spaces out the calls that create content on GitHub (reviews, comments, check runs, thread
 * resolutions) for one installation, as GitHub asks of integrations: at least {@code spacing}
 * between the start of two such calls. Thread-safe; callers queue in arrival order.
 */
public final class Pacer {
  private final long spacingNanos;
  private long next = Long.MIN_VALUE;

  public Pacer(Duration spacing) {
    this.spacingNanos = spacing.toNanos();
  }

  /** Blocks until this caller may send its content-creating call. */
  public synchronized void await() {
    if (spacingNanos <= 0) {
      return;
    }
    long now = System.nanoTime();
    if (next != Long.MIN_VALUE && now < next) {
      RateLimits.sleep(Duration.ofNanos(next - now));
      now = System.nanoTime();
    }
    next = now + spacingNanos;
  }
}
