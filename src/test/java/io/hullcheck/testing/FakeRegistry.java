package io.hullcheck.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Docker Registry HTTP API v2 on loopback, for tests: repositories from {@code
 * src/test/resources/registry/repositories.txt}, anonymous bearer tokens (every {@code /v2/}
 * request without one gets the 401 challenge Docker Hub sends), tag lists in pages of {@link #PAGE}
 * with {@code Link} headers, manifests answered with {@code Docker-Content-Digest} (the index's
 * digest only when the {@code Accept} header asks for an index). Repositories can be made slow or
 * failing. Close it to stop.
 */
public final class FakeRegistry implements AutoCloseable {
  public static final int PAGE = 4;
  public static final String INDEX = "application/vnd.oci.image.index.v1+json";
  private static final Path DATA = Path.of("src/test/resources/registry/repositories.txt");

  private final HttpServer server;
  private final Map<String, Map<String, String>> repos;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Set<String> failing = ConcurrentHashMap.newKeySet();
  private final Set<String> slow = ConcurrentHashMap.newKeySet();
  private volatile long slowMillis = 3000;
  private final AtomicInteger tokensIssued = new AtomicInteger();
  private final ExecutorService executor = Executors.newFixedThreadPool(4);

  private FakeRegistry(Map<String, Map<String, String>> repos) throws IOException {
    this.repos = repos;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/token", this::token);
    server.createContext("/v2/", this::api);
    server.start();
  }

  /** Starts a registry serving the repositories of the shared data file. */
  public static FakeRegistry start() {
    try {
      return new FakeRegistry(parse(Fixtures.read(DATA)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The digest the registry gives {@code name:tag} (after aliases). */
  public String digest(String name, String tag) {
    return repos.get(name).get(tag);
  }

  /** Requests so far, as {@code METHOD path?query}. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  public int tokensIssued() {
    return tokensIssued.get();
  }

  /** Answers every request about {@code name} with HTTP 500. */
  public void fail(String name) {
    failing.add(name);
  }

  /** Waits {@code millis} before answering any request about {@code name}. */
  public void slow(String name, long millis) {
    slowMillis = millis;
    slow.add(name);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  static Map<String, Map<String, String>> parse(String text) {
    Map<String, Map<String, String>> out = new HashMap<>();
    for (String line : text.lines().toList()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      String name = line.substring(0, colon).strip();
      Map<String, String> tags = new LinkedHashMap<>();
      List<String[]> aliases = new ArrayList<>();
      for (String word : line.substring(colon + 1).strip().split("\\s+")) {
        int eq = word.indexOf('=');
        if (eq < 0) {
          tags.put(word, "sha256:" + sha256(name + ":" + word));
        } else {
          aliases.add(new String[] {word.substring(0, eq), word.substring(eq + 1)});
        }
      }
      for (String[] a : aliases) {
        tags.put(a[0], tags.get(a[1]));
      }
      out.put(name, tags);
    }
    return out;
  }

  private void token(HttpExchange ex) throws IOException {
    requests.add("GET " + ex.getRequestURI());
    String scope = query(ex.getRequestURI()).getOrDefault("scope", "");
    tokensIssued.incrementAndGet();
    respond(ex, 200, "{\"token\":\"tok-" + scope + "\",\"expires_in\":300}", Map.of());
  }

  private void api(HttpExchange ex) throws IOException {
    URI uri = ex.getRequestURI();
    String path = uri.getPath().substring("/v2/".length());
    requests.add(ex.getRequestMethod() + " " + uri);
    int cut = path.lastIndexOf("/tags/list");
    boolean tagsList = cut >= 0;
    if (!tagsList) {
      cut = path.lastIndexOf("/manifests/");
    }
    if (cut < 0) {
      respond(ex, 404, "{}", Map.of());
      return;
    }
    String name = path.substring(0, cut);
    String scope = "repository:" + name + ":pull";
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.equals("Bearer tok-" + scope)) {
      String challenge =
          "Bearer realm=\"" + url() + "/token\",service=\"fake-registry\",scope=\"" + scope + "\"";
      respond(ex, 401, "{\"errors\":[]}", Map.of("WWW-Authenticate", challenge));
      return;
    }
    if (slow.contains(name)) {
      try {
        Thread.sleep(slowMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (failing.contains(name)) {
      respond(ex, 500, "{}", Map.of());
      return;
    }
    Map<String, String> tags = repos.get(name);
    if (tags == null) {
      respond(ex, 404, "{\"errors\":[{\"code\":\"NAME_UNKNOWN\"}]}", Map.of());
      return;
    }
    if (tagsList) {
      tagsPage(ex, name, tags);
    } else {
      manifest(ex, name, tags, path.substring(cut + "/manifests/".length()));
    }
  }

  private void tagsPage(HttpExchange ex, String name, Map<String, String> tags) throws IOException {
    Map<String, String> q = query(ex.getRequestURI());
    List<String> sorted = tags.keySet().stream().sorted().toList();
    String last = q.get("last");
    int from = last == null ? 0 : sorted.indexOf(last) + 1;
    int n = Math.min(PAGE, Integer.parseInt(q.getOrDefault("n", String.valueOf(PAGE))));
    List<String> page = sorted.subList(from, Math.min(sorted.size(), from + n));
    StringBuilder body = new StringBuilder("{\"name\":\"" + name + "\",\"tags\":[");
    for (int i = 0; i < page.size(); i++) {
      body.append(i == 0 ? "\"" : ",\"").append(page.get(i)).append('"');
    }
    body.append("]}");
    Map<String, String> headers = new HashMap<>();
    if (from + n < sorted.size()) {
      headers.put(
          "Link",
          "</v2/"
              + name
              + "/tags/list?n="
              + n
              + "&last="
              + page.get(page.size() - 1)
              + ">; rel=\"next\"");
    }
    respond(ex, 200, body.toString(), headers);
  }

  private void manifest(HttpExchange ex, String name, Map<String, String> tags, String tag)
      throws IOException {
    String digest = tags.get(tag);
    if (digest == null) {
      respond(ex, 404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}", Map.of());
      return;
    }
    String accept = String.valueOf(ex.getRequestHeaders().getFirst("Accept"));
    // Without asking for an index, a registry answers with one platform's manifest.
    String answer = accept.contains(INDEX) ? digest : "sha256:" + sha256("amd64 " + digest);
    respond(
        ex,
        200,
        "{\"schemaVersion\":2}",
        Map.of("Docker-Content-Digest", answer, "Content-Type", INDEX));
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new HashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static void respond(HttpExchange ex, int status, String body, Map<String, String> headers)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    if (!headers.containsKey("Content-Type")) {
      ex.getResponseHeaders().add("Content-Type", "application/json");
    }
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
    ex.close();
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
