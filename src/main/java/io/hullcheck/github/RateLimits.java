package io.hullcheck.github;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;

/**
 * Decides how long to wait before retrying a call GitHub refused for a rate limit, following
 * GitHub's guidance: honour {@code Retry-After}; else, with {@code X-RateLimit-Remaining: 0}, wait
 * for {@code X-RateLimit-Reset}; else, for a secondary limit without either header, wait a minute.
 * Waits longer than the configured bound are not taken: the call fails instead.
 */
public final class RateLimits {
  /** GitHub's advice for a secondary limit that names no wait. */
  static final Duration SECONDARY_DEFAULT = Duration.ofSeconds(60);

  /** Retries after a rate-limit answer, per call. */
  static final int MAX_RETRIES = 2;

  private final Duration maxWait;
  private final Clock clock;

  public RateLimits(Duration maxWait, Clock clock) {
    this.maxWait = maxWait;
    this.clock = clock;
  }

  /**
   * The wait before retrying, or null when the answer is not a rate limit.
   *
   * @param header looks a response header up by name (case-insensitive), null when absent
   * @param body the response body, or "" when not read
   */
  public Duration waitFor(int status, Function<String, String> header, String body) {
    if (status != 403 && status != 429) {
      return null;
    }
    Long retryAfter = number(header.apply("Retry-After"));
    if (retryAfter != null) {
      return Duration.ofSeconds(Math.max(0, retryAfter));
    }
    if ("0".equals(header.apply("X-RateLimit-Remaining"))) {
      Long reset = number(header.apply("X-RateLimit-Reset"));
      if (reset != null) {
        Duration until = Duration.between(clock.instant(), Instant.ofEpochSecond(reset));
        return until.isNegative() ? Duration.ofSeconds(1) : until.plusSeconds(1);
      }
      return SECONDARY_DEFAULT;
    }
    if (status == 429 || body.toLowerCase(Locale.ROOT).contains("secondary rate limit")) {
      return SECONDARY_DEFAULT;
    }
    return null;
  }

  /** Whether a wait is short enough to take. */
  public boolean acceptable(Duration wait) {
    return wait.compareTo(maxWait) <= 0;
  }

  /** Sleeps for {@code wait}; an interrupt ends the wait and is kept. */
  public static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Long number(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
