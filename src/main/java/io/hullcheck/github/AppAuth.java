package io.hullcheck.github;

import com.fasterxml.jackson.databind.JsonNode;
import io.hullcheck.job.HostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The App's credentials: its JWT, and installation tokens made with it ({@code POST
 * /app/installations/{id}/access_tokens}), each limited to one repository and to the permissions
 * asked for, and cached until {@link #RENEW_BEFORE} before GitHub expires them (after an hour).
 * Thread-safe. Tokens never reach a log line or an exception message.
 */
public final class AppAuth {
  /** How long before its expiry a cached token is replaced. */
  static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

  /** What the job's API calls need: check runs, reviews and comments, thread resolution. */
  public static final Map<String, String> API_PERMISSIONS =
      Map.of("checks", "write", "pull_requests", "write", "metadata", "read");

  /** What fetching the repository with git needs. */
  public static final Map<String, String> GIT_PERMISSIONS =
      Map.of("contents", "read", "metadata", "read");

  private static final Logger log = LoggerFactory.getLogger(AppAuth.class);

  private final AppJwt jwt;
  private final GitHubHttp http;
  private final Clock clock;
  private final Map<String, Token> cache = new HashMap<>();

  private record Token(String value, Instant expiresAt) {
    @Override
    public String toString() {
      return "Token[expiresAt=" + expiresAt + "]";
    }
  }

  public AppAuth(AppJwt jwt, GitHubHttp http, Clock clock) {
    this.jwt = jwt;
    this.http = http;
    this.clock = clock;
  }

  /** {@code Bearer <JWT>}, for calls made as the App itself. */
  public String appAuthorization() {
    return "Bearer " + jwt.token();
  }

  /**
   * An installation token for {@code repository} (the name, without owner) with {@code
   * permissions}, from the cache when it is still fresh.
   *
   * @throws HostException when GitHub refuses (the installation is gone, suspended, or lacks the
   *     repository or a permission)
   */
  public synchronized String installationToken(
      long installationId, String repository, Map<String, String> permissions) {
    String key = installationId + "/" + repository + "/" + new TreeMap<>(permissions);
    Token cached = cache.get(key);
    Instant now = clock.instant();
    if (cached != null && now.isBefore(cached.expiresAt().minus(RENEW_BEFORE))) {
      return cached.value();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("repositories", List.of(repository));
    body.put("permissions", new TreeMap<>(permissions));
    JsonNode answer =
        http.expectOk(
            "POST",
            "/app/installations/" + installationId + "/access_tokens",
            appAuthorization(),
            body,
            null);
    String value = answer.path("token").asText("");
    if (value.isEmpty()) {
      throw new HostException("GitHub answered the token request without a token", 200);
    }
    Instant expiresAt = expiry(answer.path("expires_at").asText(""), now);
    cache.put(key, new Token(value, expiresAt));
    log.info(
        "installation token created for {} with {} until {}",
        repository,
        new TreeMap<>(permissions),
        expiresAt);
    return value;
  }

  /** Drops cached tokens of an installation, e.g. after GitHub answered 401 with one. */
  public synchronized void forget(long installationId) {
    cache.keySet().removeIf(key -> key.startsWith(installationId + "/"));
  }

  private static Instant expiry(String text, Instant now) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      // GitHub's tokens last an hour; without a readable expiry assume the shortest sane life.
      return now.plus(Duration.ofMinutes(10));
    }
  }
}
