package io.hullcheck.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.hullcheck.job.HostException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GitHub calls that hub4j does not make (or makes awkwardly), over {@code java.net.http}: JSON in,
 * JSON out, rate limits honoured with bounded retries, content-creating calls paced, every exchange
 * reported to the {@link CallObserver}. Thread-safe.
 *
 * <p>Neither the authorization header nor any body is ever logged or put in an exception message;
 * errors carry the HTTP status and GitHub's {@code message}.
 */
public final class GitHubHttp {
  private static final Logger log = LoggerFactory.getLogger(GitHubHttp.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient client;
  private final URI apiUrl;
  private final RateLimits rateLimits;
  private final CallObserver observer;

  /** A JSON answer: status and body ({@link MissingNode} when empty). */
  public record Response(int status, JsonNode body) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }

    /** GitHub's error {@code message} and {@code errors} texts, for exception messages. */
    public String errorText() {
      StringBuilder text = new StringBuilder(body.path("message").asText("HTTP " + status));
      for (JsonNode error : body.path("errors")) {
        text.append("; ")
            .append(
                error.isTextual()
                    ? error.asText()
                    : error.path("message").asText(error.toString()));
      }
      return text.toString();
    }
  }

  public GitHubHttp(HttpClient client, URI apiUrl, RateLimits rateLimits, CallObserver observer) {
    this.client = client;
    this.apiUrl = apiUrl;
    this.rateLimits = rateLimits;
    this.observer = observer;
  }

  /** A default HTTP client: HTTP/1.1, redirects followed, 10 s connect timeout. */
  public static HttpClient defaultClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  public URI apiUrl() {
    return apiUrl;
  }

  /**
   * Sends one call and returns GitHub's answer, whatever its status, after waiting out rate limits
   * (up to {@link RateLimits#MAX_RETRIES} retries within the configured bound).
   *
   * @param target a path below the API base ({@code /repos/...}) or an absolute URL (GraphQL)
   * @param authorization the full {@code Authorization} header value
   * @param body JSON to send, or null
   * @param pacer spaces content-creating calls; null for reads and App-level calls
   * @throws HostException when GitHub cannot be reached or a rate limit outlasts the bound
   */
  public Response send(
      String method, String target, String authorization, Object body, Pacer pacer) {
    URI uri = target.startsWith("http") ? URI.create(target) : URI.create(apiUrl + target);
    String kind = uri.getPath().endsWith("/graphql") ? "graphql" : "rest";
    byte[] bytes = body == null ? null : json(body);
    for (int attempt = 0; ; attempt++) {
      if (pacer != null) {
        pacer.await();
      }
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(TIMEOUT)
              .header("Accept", "application/vnd.github+json")
              .header("X-GitHub-Api-Version", "2022-11-28")
              .header("User-Agent", "hullcheck")
              .header("Authorization", authorization);
      if (bytes != null) {
        request
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<String> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        observer.call(method, kind, 0);
        throw new HostException(
            method + " " + uri.getPath() + " failed: " + e.getClass().getSimpleName(), 0, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HostException(method + " " + uri.getPath() + " was interrupted", 0, e);
      }
      observer.call(method, kind, response.statusCode());
      String resource = header(response, "X-RateLimit-Resource");
      String remaining = header(response, "X-RateLimit-Remaining");
      if (remaining != null) {
        try {
          observer.rateLimitRemaining(
              resource == null ? kind : resource, Long.parseLong(remaining.trim()));
        } catch (NumberFormatException e) {
          log.debug("ignoring a malformed X-RateLimit-Remaining header");
        }
      }
      Duration wait =
          rateLimits.waitFor(
              response.statusCode(), name -> header(response, name), response.body());
      if (wait == null) {
        return new Response(response.statusCode(), parse(response.body()));
      }
      if (attempt >= RateLimits.MAX_RETRIES || !rateLimits.acceptable(wait)) {
        throw new HostException(
            method
                + " "
                + uri.getPath()
                + " hit GitHub's rate limit; retry after "
                + wait.toSeconds()
                + " s is beyond what Hullcheck waits",
            response.statusCode());
      }
      log.warn(
          "GitHub rate limit on {} {} ({}); waiting {} ms",
          method,
          uri.getPath(),
          response.statusCode(),
          wait.toMillis());
      RateLimits.sleep(wait);
    }
  }

  /** Like {@link #send} but throws {@link HostException} unless the answer is 2xx. */
  public JsonNode expectOk(
      String method, String target, String authorization, Object body, Pacer pacer) {
    Response response = send(method, target, authorization, body, pacer);
    if (!response.ok()) {
      throw new HostException(
          method
              + " "
              + pathOf(target)
              + " answered "
              + response.status()
              + ": "
              + response.errorText(),
          response.status());
    }
    return response.body();
  }

  private static String pathOf(String target) {
    return target.startsWith("http") ? URI.create(target).getPath() : target;
  }

  private static String header(HttpResponse<?> response, String name) {
    Optional<String> value = response.headers().firstValue(name);
    return value.orElse(null);
  }

  private static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  private static byte[] json(Object body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode a request body as JSON", e);
    }
  }
}
