package io.hullcheck.github;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What hub4j sends through: a connector that paces content-creating calls and reports every
 * exchange and the rate-limit headers to the {@link CallObserver}, and rate-limit handlers that
 * wait as {@link RateLimits} decides (hub4j then retries the call) or fail when the wait is too
 * long.
 */
final class HubConnector implements GitHubConnector {
  private static final Logger log = LoggerFactory.getLogger(HubConnector.class);
  private static final Set<String> WRITES = Set.of("POST", "PATCH", "PUT", "DELETE");

  private final GitHubConnector delegate;
  private final CallObserver observer;
  private final Pacer pacer;

  HubConnector(GitHubConnector delegate, CallObserver observer, Pacer pacer) {
    this.delegate = delegate;
    this.observer = observer;
    this.pacer = pacer;
  }

  @Override
  public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
    String method = request.method().toUpperCase(Locale.ROOT);
    if (WRITES.contains(method)) {
      pacer.await();
    }
    GitHubConnectorResponse response;
    try {
      response = delegate.send(request);
    } catch (IOException e) {
      observer.call(method, "rest", 0);
      throw e;
    }
    observer.call(method, "rest", response.statusCode());
    String remaining = response.header("X-RateLimit-Remaining");
    if (remaining != null) {
      try {
        String resource = response.header("X-RateLimit-Resource");
        observer.rateLimitRemaining(
            resource == null ? "core" : resource, Long.parseLong(remaining.trim()));
      } catch (NumberFormatException e) {
        log.debug("ignoring a malformed X-RateLimit-Remaining header");
      }
    }
    return response;
  }

  /** Waits out a secondary rate limit (hub4j retries afterwards) or fails the call. */
  static GitHubAbuseLimitHandler abuseHandler(RateLimits rateLimits) {
    return new GitHubAbuseLimitHandler() {
      @Override
      public void onError(GitHubConnectorResponse response) throws IOException {
        waitOrFail(rateLimits, response, RateLimits.SECONDARY_DEFAULT);
      }
    };
  }

  /** Waits for the primary rate limit to reset (hub4j retries afterwards) or fails the call. */
  static GitHubRateLimitHandler rateLimitHandler(RateLimits rateLimits) {
    return new GitHubRateLimitHandler() {
      @Override
      public void onError(GitHubConnectorResponse response) throws IOException {
        waitOrFail(rateLimits, response, RateLimits.SECONDARY_DEFAULT);
      }
    };
  }

  private static void waitOrFail(
      RateLimits rateLimits, GitHubConnectorResponse response, Duration fallback)
      throws IOException {
    Duration wait = rateLimits.waitFor(response.statusCode(), response::header, "");
    if (wait == null) {
      wait = fallback;
    }
    String path = response.request().url().getPath();
    if (!rateLimits.acceptable(wait)) {
      throw new HttpException(
          "GitHub rate limit; retry after "
              + wait.toSeconds()
              + " s is beyond what Hullcheck waits",
          response.statusCode(),
          "rate limited",
          path);
    }
    log.warn(
        "GitHub rate limit on {} {} ({}); waiting {} ms",
        response.request().method(),
        path,
        response.statusCode(),
        wait.toMillis());
    RateLimits.sleep(wait);
  }
}
