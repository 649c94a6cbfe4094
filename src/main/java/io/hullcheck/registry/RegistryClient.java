package io.hullcheck.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hullcheck.model.ImageRef;
import io.hullcheck.rules.ImageRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.MessageFormatter;

/**
 * An {@link ImageRegistry} that asks registries over the Docker Registry HTTP API v2: {@code GET
 * /v2/<name>/tags/list} (following {@code Link: <...>; rel="next"} pages) and {@code HEAD
 * /v2/<name>/manifests/<tag>} for {@code Docker-Content-Digest}, asking for the multi-platform
 * index first. Anonymous bearer tokens are fetched when a registry answers 401 with {@code
 * WWW-Authenticate: Bearer realm=...,service=...,scope=...} (Docker Hub, GHCR, Quay, ...).
 *
 * <p>Docker Hub is {@code registry-1.docker.io}, and its official images live under {@code
 * library/}. Other hosts are reached over HTTPS at their own name unless {@link Config#endpoints}
 * maps them elsewhere (a mirror, or a test's loopback server).
 *
 * <p>Every failure (timeout, refused connection, HTTP error, malformed answer) is reported once as
 * a line naming the image, never a token (to the log, or to the consumer given), and answers
 * "unknown": the scan goes on with no suggestion. Answers, unknown ones included, are cached for
 * {@link Config#ttl}, and a host that timed out or refused is not asked again within that time, so
 * a slow registry costs one timeout per scan, not one per image. Thread-safe.
 */
public final class RegistryClient implements ImageRegistry {
  /** The name Docker gives Docker Hub in image references. */
  public static final String DOCKER_HUB = "docker.io";

  static final URI DOCKER_HUB_ENDPOINT = URI.create("https://registry-1.docker.io");

  /** Index types first: the digest of {@code image:tag} should be the platform-independent one. */
  static final String MANIFEST_TYPES =
      String.join(
          ", ",
          "application/vnd.oci.image.index.v1+json",
          "application/vnd.docker.distribution.manifest.list.v2+json",
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.v2+json");

  private static final Logger log = LoggerFactory.getLogger(RegistryClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
  private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
  private static final int MAX_PAGES = 50;

  /**
   * How the client behaves.
   *
   * @param timeout for connecting and for each request
   * @param ttl how long an answer (or a host being down) is remembered
   * @param cacheSize how many answers are kept, least recently used dropped first
   * @param endpoints registry host (as written in image references, {@code docker.io} for Docker
   *     Hub) to the base URL that serves its API
   */
  public record Config(Duration timeout, Duration ttl, int cacheSize, Map<String, URI> endpoints) {
    public Config {
      endpoints = Map.copyOf(endpoints);
    }

    public static Config defaults() {
      return new Config(Duration.ofSeconds(5), Duration.ofMinutes(10), 2000, Map.of());
    }

    public Config withEndpoints(Map<String, URI> newEndpoints) {
      return new Config(timeout, ttl, cacheSize, newEndpoints);
    }

    public Config withTimeout(Duration newTimeout) {
      return new Config(newTimeout, ttl, cacheSize, endpoints);
    }
  }

  /** Where one repository is served: the API base and the repository's path there. */
  record Target(String host, URI endpoint, String name) {
    URI uri(String path) {
      return URI.create(endpoint.toString().replaceAll("/+$", "") + "/v2/" + name + path);
    }

    @Override
    public String toString() {
      return host + "/" + name;
    }
  }

  private record Token(String value, Instant expires) {}

  private final Config config;
  private final HttpClient http;
  private final Clock clock;
  private final TtlCache<String, Optional<List<String>>> tags;
  private final TtlCache<String, Optional<String>> digests;
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final Map<String, Instant> down = new ConcurrentHashMap<>();
  private final Consumer<String> warnings;

  /** A client that logs its warnings (the App). */
  public RegistryClient(Config config) {
    this(config, null);
  }

  /**
   * A client that hands its warnings to {@code warnings} instead of the log (the command line
   * prints them to standard error, keeping standard output for the report).
   */
  public RegistryClient(Config config, Consumer<String> warnings) {
    this(config, warnings, Clock.systemUTC());
  }

  RegistryClient(Config config, Consumer<String> warnings, Clock clock) {
    this.config = config;
    this.warnings = warnings;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.tags = new TtlCache<>(config.cacheSize(), config.ttl(), clock);
    this.digests = new TtlCache<>(config.cacheSize(), config.ttl(), clock);
  }

  @Override
  public boolean online() {
    return true;
  }

  @Override
  public Optional<List<String>> tags(ImageRef image) {
    Target t = target(image);
    return tags.get(t.toString(), () -> fetchTags(t));
  }

  @Override
  public Optional<String> digest(ImageRef image, String tag) {
    Target t = target(image);
    return digests.get(t + ":" + tag, () -> fetchDigest(t, tag));
  }

  /** The host, API base and repository path for an image reference. */
  Target target(ImageRef image) {
    String host = image.registry() == null ? DOCKER_HUB : image.registry();
    if (host.equals("index.docker.io") || host.equals("registry-1.docker.io")) {
      host = DOCKER_HUB;
    }
    String name = image.repository();
    if (host.equals(DOCKER_HUB) && !name.contains("/")) {
      name = "library/" + name;
    }
    URI endpoint = config.endpoints().get(host);
    if (endpoint == null) {
      endpoint = host.equals(DOCKER_HUB) ? DOCKER_HUB_ENDPOINT : URI.create("https://" + host);
    }
    return new Target(host, endpoint, name);
  }

  private Optional<List<String>> fetchTags(Target t) {
    List<String> all = new ArrayList<>();
    URI next = t.uri("/tags/list?n=1000");
    for (int page = 0; next != null && page < MAX_PAGES; page++) {
      Optional<HttpResponse<byte[]>> response =
          send(t, next, "GET", "application/json", "the tags of " + t);
      if (response.isEmpty()) {
        return Optional.empty();
      }
      try {
        JsonNode list = JSON.readTree(response.get().body()).path("tags");
        list.forEach(n -> all.add(n.asText()));
      } catch (IOException e) {
        warn("Registry answered the tags of {} with malformed JSON; no registry fix", t);
        return Optional.empty();
      }
      next = nextPage(t, response.get());
    }
    log.debug("Registry lists {} tags for {}", all.size(), t);
    return Optional.of(List.copyOf(all));
  }

  /** The {@code rel="next"} page, if on the same host (a token must not travel elsewhere). */
  static URI nextPage(Target t, HttpResponse<?> response) {
    Optional<String> link = response.headers().firstValue("Link");
    if (link.isEmpty()) {
      return null;
    }
    Matcher m = NEXT.matcher(link.get());
    if (!m.find()) {
      return null;
    }
    URI next = t.endpoint().resolve(m.group(1));
    return sameOrigin(next, t.endpoint()) ? next : null;
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost())
        && a.getPort() == b.getPort()
        && String.valueOf(a.getScheme()).equalsIgnoreCase(b.getScheme());
  }

  private Optional<String> fetchDigest(Target t, String tag) {
    URI uri = t.uri("/manifests/" + tag);
    String what = t + ":" + tag;
    Optional<HttpResponse<byte[]>> head = send(t, uri, "HEAD", MANIFEST_TYPES, what);
    if (head.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> digest = head.get().headers().firstValue("Docker-Content-Digest");
    if (digest.isEmpty()) {
      // Some registries omit the header on HEAD; the digest is the hash of the manifest bytes.
      digest = send(t, uri, "GET", MANIFEST_TYPES, what).map(r -> "sha256:" + sha256(r.body()));
    }
    if (digest.isPresent() && !DIGEST.matcher(digest.get()).matches()) {
      warn("Registry gave {} a digest that is not sha256; no registry fix", what);
      return Optional.empty();
    }
    return digest;
  }

  /**
   * One request, with the bearer-token dance when challenged; empty (after a log line) on any
   * failure. A 404 is logged at DEBUG: a missing tag is an answer, not a problem.
   */
  private Optional<HttpResponse<byte[]>> send(
      Target t, URI uri, String method, String accept, String what) {
    Instant until = down.get(t.host());
    if (until != null && until.isAfter(clock.instant())) {
      log.debug("Skipping registry lookup of {}: {} did not answer recently", what, t.host());
      return Optional.empty();
    }
    try {
      HttpResponse<byte[]> r = request(uri, method, accept, tokenFor(t));
      if (r.statusCode() == 401) {
        Optional<String> challenge = r.headers().firstValue("WWW-Authenticate");
        if (challenge.isEmpty() || !challenge.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
          warn("Registry {} wants credentials for {}; no registry fix", t.host(), what);
          return Optional.empty();
        }
        if (!fetchToken(t, challenge.get())) {
          return Optional.empty();
        }
        r = request(uri, method, accept, tokenFor(t));
      }
      if (r.statusCode() == 404) {
        log.debug("Registry {} has no {}", t.host(), what);
        return Optional.empty();
      }
      if (r.statusCode() != 200) {
        warn("Registry lookup of {} got HTTP {}; no registry fix", what, r.statusCode());
        return Optional.empty();
      }
      return Optional.of(r);
    } catch (HttpTimeoutException e) {
      markDown(t, what, "timed out after " + config.timeout().toMillis() + " ms");
    } catch (IOException e) {
      markDown(t, what, "failed: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IllegalArgumentException e) {
      warn("Registry lookup of {} is not a valid request; no registry fix", what);
    }
    return Optional.empty();
  }

  private void warn(String format, Object... args) {
    if (warnings == null) {
      log.warn(format, args);
    } else {
      warnings.accept(MessageFormatter.arrayFormat(format, args).getMessage());
    }
  }

  private void markDown(Target t, String what, String why) {
    down.put(t.host(), clock.instant().plus(config.ttl()));
    warn("Registry lookup of {} {}; no registry fixes from {} for now", what, why, t.host());
  }

  private HttpResponse<byte[]> request(URI uri, String method, String accept, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(config.timeout())
            .header("Accept", accept)
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private String tokenFor(Target t) {
    Token token = tokens.get(t.toString());
    return token == null || token.expires().isBefore(clock.instant()) ? null : token.value();
  }

  /** Fetches an anonymous pull token as the challenge says; false (after a log line) on failure. */
  private boolean fetchToken(Target t, String challenge) throws IOException, InterruptedException {
    Map<String, String> params = challengeParams(challenge);
    String realm = params.get("realm");
    if (realm == null) {
      warn("Registry {} sent a bearer challenge without a realm; no registry fix", t.host());
      return false;
    }
    String scope = params.getOrDefault("scope", "repository:" + t.name() + ":pull");
    StringBuilder query = new StringBuilder();
    if (params.containsKey("service")) {
      query.append("service=").append(encode(params.get("service"))).append('&');
    }
    query.append("scope=").append(encode(scope));
    URI uri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
    if (!"https".equalsIgnoreCase(uri.getScheme()) && !sameOrigin(uri, t.endpoint())) {
      warn("Registry {} sent a token realm that is not HTTPS; no registry fix", t.host());
      return false;
    }
    HttpResponse<byte[]> r = request(uri, "GET", "application/json", null);
    if (r.statusCode() != 200) {
      warn("Token service of {} got HTTP {}; no registry fix", t.host(), r.statusCode());
      return false;
    }
    JsonNode body = JSON.readTree(r.body());
    String token = body.path("token").asText(body.path("access_token").asText(""));
    if (token.isEmpty()) {
      warn("Token service of {} gave no token; no registry fix", t.host());
      return false;
    }
    long seconds = Math.max(30, body.path("expires_in").asLong(60));
    // Expire a little early, so a token is never sent in its last seconds.
    tokens.put(t.toString(), new Token(token, clock.instant().plusSeconds(seconds - 10)));
    return true;
  }

  /** The {@code key="value"} pairs of a {@code WWW-Authenticate: Bearer ...} header. */
  static Map<String, String> challengeParams(String challenge) {
    Map<String, String> params = new java.util.HashMap<>();
    Matcher m = PARAM.matcher(challenge.substring(Math.min(7, challenge.length())));
    while (m.find()) {
      params.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2));
    }
    return params;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
