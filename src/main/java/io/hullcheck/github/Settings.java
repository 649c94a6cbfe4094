package io.hullcheck.github;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What the App needs to run, read from environment variables and, optionally, from a file of {@code
 * NAME=value} lines named by {@code HULLCHECK_SETTINGS_FILE} (the same format {@code docker run
 * --env-file} reads; environment variables win). Loading reports every missing or invalid setting
 * by name at once; no value is ever part of a message or of {@link #toString()}.
 */
public final class Settings {
  public static final String APP_ID = "HULLCHECK_APP_ID";
  public static final String PRIVATE_KEY = "HULLCHECK_PRIVATE_KEY";
  public static final String PRIVATE_KEY_FILE = "HULLCHECK_PRIVATE_KEY_FILE";
  public static final String WEBHOOK_SECRET = "HULLCHECK_WEBHOOK_SECRET";
  public static final String WEBHOOK_SECRET_FILE = "HULLCHECK_WEBHOOK_SECRET_FILE";
  public static final String API_URL = "HULLCHECK_API_URL";
  public static final String GRAPHQL_URL = "HULLCHECK_GRAPHQL_URL";
  public static final String HOST = "HULLCHECK_HOST";
  public static final String PORT = "HULLCHECK_PORT";
  public static final String WORKERS = "HULLCHECK_WORKERS";
  public static final String CONTENT_SPACING_MS = "HULLCHECK_CONTENT_SPACING_MS";
  public static final String MAX_RETRY_WAIT_SECONDS = "HULLCHECK_MAX_RETRY_WAIT_SECONDS";
  public static final String SETTINGS_FILE = "HULLCHECK_SETTINGS_FILE";
  public static final String REGISTRY_LOOKUPS = "HULLCHECK_REGISTRY_LOOKUPS";
  public static final String REGISTRY_ENDPOINTS = "HULLCHECK_REGISTRY_ENDPOINTS";
  public static final String REGISTRY_TIMEOUT_SECONDS = "HULLCHECK_REGISTRY_TIMEOUT_SECONDS";

  static final String DEFAULT_API_URL = "https://api.github.com";

  private final String appId;
  private final RSAPrivateCrtKey privateKey;
  private final byte[] webhookSecret;
  private final URI apiUrl;
  private final URI graphqlUrl;
  private final String host;
  private final int port;
  private final int workers;
  private final Duration contentSpacing;
  private final Duration maxRetryWait;
  private final boolean registryLookups;
  private final Map<String, URI> registryEndpoints;
  private final Duration registryTimeout;

  private Settings(Builder b) {
    this.appId = b.appId;
    this.privateKey = b.privateKey;
    this.webhookSecret = b.webhookSecret.clone();
    this.apiUrl = b.apiUrl;
    this.graphqlUrl = b.graphqlUrl;
    this.host = b.host;
    this.port = b.port;
    this.workers = b.workers;
    this.contentSpacing = b.contentSpacing;
    this.maxRetryWait = b.maxRetryWait;
    this.registryLookups = b.registryLookups;
    this.registryEndpoints = Map.copyOf(b.registryEndpoints);
    this.registryTimeout = b.registryTimeout;
  }

  /** Settings, or the problems that stop them from loading; exactly one is non-null. */
  public record Loaded(Settings settings, List<String> problems) {
    public boolean ok() {
      return settings != null;
    }
  }

  /** Reads the settings from the process environment (and the optional settings file). */
  public static Loaded fromEnvironment() {
    return load(System.getenv());
  }

  /** Reads the settings from {@code env} (and the settings file it may name). */
  public static Loaded load(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    Map<String, String> values = new HashMap<>();
    String file = blankToNull(env.get(SETTINGS_FILE));
    if (file != null) {
      readFile(Path.of(file), values, problems);
    }
    env.forEach(
        (name, value) -> {
          if (name.startsWith("HULLCHECK_") && !value.isBlank()) {
            values.put(name, value);
          }
        });
    Builder b = new Builder();
    b.appId = values.get(APP_ID);
    if (b.appId == null) {
      problems.add(APP_ID + " is not set");
    } else if (!b.appId.trim().matches("[0-9]+|Iv[0-9A-Za-z.]+")) {
      problems.add(APP_ID + " must be the numeric App ID (or the client ID)");
    } else {
      b.appId = b.appId.trim();
    }
    String pem = secretValue(values, PRIVATE_KEY, PRIVATE_KEY_FILE, problems);
    if (pem != null) {
      try {
        b.privateKey = PrivateKeys.parsePem(pem);
      } catch (PrivateKeys.InvalidKeyException e) {
        problems.add(nameOf(values, PRIVATE_KEY, PRIVATE_KEY_FILE) + ": " + e.getMessage());
      }
    }
    String secret = secretValue(values, WEBHOOK_SECRET, WEBHOOK_SECRET_FILE, problems);
    if (secret != null) {
      b.webhookSecret = secret.strip().getBytes(StandardCharsets.UTF_8);
    }
    b.apiUrl = url(values.getOrDefault(API_URL, DEFAULT_API_URL), API_URL, problems);
    String graphql = values.get(GRAPHQL_URL);
    if (graphql != null) {
      b.graphqlUrl = url(graphql, GRAPHQL_URL, problems);
    } else if (b.apiUrl != null) {
      b.graphqlUrl = graphqlFor(b.apiUrl);
    }
    b.host = values.getOrDefault(HOST, "0.0.0.0");
    b.port = integer(values, PORT, 8080, 0, 65535, problems);
    b.workers = integer(values, WORKERS, 4, 1, 64, problems);
    b.contentSpacing =
        Duration.ofMillis(integer(values, CONTENT_SPACING_MS, 1000, 0, 60_000, problems));
    b.maxRetryWait =
        Duration.ofSeconds(integer(values, MAX_RETRY_WAIT_SECONDS, 120, 0, 3600, problems));
    b.registryLookups = bool(values, REGISTRY_LOOKUPS, problems);
    b.registryEndpoints = endpoints(values.get(REGISTRY_ENDPOINTS), problems);
    b.registryTimeout =
        Duration.ofSeconds(integer(values, REGISTRY_TIMEOUT_SECONDS, 5, 1, 120, problems));
    if (!problems.isEmpty()) {
      return new Loaded(null, List.copyOf(problems));
    }
    return new Loaded(new Settings(b), List.of());
  }

  /**
   * The GraphQL endpoint for a REST base: {@code https://api.github.com/graphql} on github.com,
   * {@code https://HOST/api/graphql} for GitHub Enterprise Server's {@code https://HOST/api/v3}.
   */
  static URI graphqlFor(URI apiUrl) {
    String base = stripSlash(apiUrl.toString());
    if (base.endsWith("/api/v3")) {
      return URI.create(base.substring(0, base.length() - "/v3".length()) + "/graphql");
    }
    return URI.create(base + "/graphql");
  }

  private static void readFile(Path path, Map<String, String> values, List<String> problems) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      problems.add(SETTINGS_FILE + ": cannot read " + path);
      return;
    }
    for (String name : properties.stringPropertyNames()) {
      String value = properties.getProperty(name).strip();
      if (!value.isEmpty()) {
        values.put(name.strip(), value);
      }
    }
  }

  private static String secretValue(
      Map<String, String> values, String name, String fileName, List<String> problems) {
    String inline = values.get(name);
    String file = values.get(fileName);
    if (inline != null && file != null) {
      problems.add(name + " and " + fileName + " are both set; set only one");
      return null;
    }
    if (inline != null) {
      // Environment variables often carry PEM newlines escaped as \n.
      return inline.replace("\\n", "\n");
    }
    if (file == null) {
      problems.add(name + " (or " + fileName + ") is not set");
      return null;
    }
    try {
      return Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      problems.add(fileName + ": cannot read the file it names");
      return null;
    }
  }

  private static String nameOf(Map<String, String> values, String name, String fileName) {
    return values.containsKey(name) ? name : fileName;
  }

  private static URI url(String text, String name, List<String> problems) {
    try {
      URI uri = new URI(stripSlash(text.strip()));
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())
          || uri.getHost() == null) {
        problems.add(name + " must be an http(s) URL");
        return null;
      }
      return uri;
    } catch (URISyntaxException e) {
      problems.add(name + " is not a valid URL");
      return null;
    }
  }

  private static int integer(
      Map<String, String> values,
      String name,
      int fallback,
      int min,
      int max,
      List<String> problems) {
    String text = values.get(name);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value < min || value > max) {
        problems.add(name + " must be between " + min + " and " + max);
        return fallback;
      }
      return value;
    } catch (NumberFormatException e) {
      problems.add(name + " must be a whole number");
      return fallback;
    }
  }

  private static boolean bool(Map<String, String> values, String name, List<String> problems) {
    String text = values.get(name);
    if (text == null) {
      return false;
    }
    String t = text.strip().toLowerCase(java.util.Locale.ROOT);
    if (!t.equals("true") && !t.equals("false")) {
      problems.add(name + " must be true or false");
      return false;
    }
    return t.equals("true");
  }

  /** {@code HOST=URL[,HOST=URL...]}: where to reach a registry host instead of at its name. */
  private static Map<String, URI> endpoints(String text, List<String> problems) {
    Map<String, URI> out = new java.util.LinkedHashMap<>();
    if (text == null) {
      return out;
    }
    for (String pair : text.split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        problems.add(REGISTRY_ENDPOINTS + " must be HOST=URL pairs separated by commas");
        return out;
      }
      URI uri = url(pair.substring(eq + 1), REGISTRY_ENDPOINTS, problems);
      if (uri != null) {
        out.put(pair.substring(0, eq).strip(), uri);
      }
    }
    return out;
  }

  private static String stripSlash(String text) {
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  public String appId() {
    return appId;
  }

  public RSAPrivateCrtKey privateKey() {
    return privateKey;
  }

  /** The webhook secret's bytes; callers must not log or keep them beyond the HMAC. */
  public byte[] webhookSecret() {
    return webhookSecret.clone();
  }

  /** The REST API base, without a trailing slash ({@code https://HOST/api/v3} on GHES). */
  public URI apiUrl() {
    return apiUrl;
  }

  public URI graphqlUrl() {
    return graphqlUrl;
  }

  public String host() {
    return host;
  }

  /** The port to listen on; 0 picks a free one. */
  public int port() {
    return port;
  }

  public int workers() {
    return workers;
  }

  /** The least time between two GitHub calls that create content, per installation. */
  public Duration contentSpacing() {
    return contentSpacing;
  }

  /** The longest the App waits for a rate limit to lift before failing the call. */
  public Duration maxRetryWait() {
    return maxRetryWait;
  }

  /** Whether rules may ask image registries for tags and digests (off by default). */
  public boolean registryLookups() {
    return registryLookups;
  }

  /** Registry host to the URL that serves its API, for hosts not reached at their own name. */
  public Map<String, URI> registryEndpoints() {
    return registryEndpoints;
  }

  /** The timeout of each registry request. */
  public Duration registryTimeout() {
    return registryTimeout;
  }

  /** Names and non-secret values only. */
  @Override
  public String toString() {
    return "Settings{appId="
        + appId
        + ", apiUrl="
        + apiUrl
        + ", host="
        + host
        + ", port="
        + port
        + ", workers="
        + workers
        + ", registryLookups="
        + registryLookups
        + "}";
  }

  /** Settings built in code, for tests and embedding. */
  public static Builder builder() {
    return new Builder();
  }

  /** Mutable builder; {@link #build()} copies. */
  public static final class Builder {
    private String appId;
    private RSAPrivateCrtKey privateKey;
    private byte[] webhookSecret = new byte[0];
    private URI apiUrl = URI.create(DEFAULT_API_URL);
    private URI graphqlUrl;
    private String host = "127.0.0.1";
    private int port;
    private int workers = 2;
    private Duration contentSpacing = Duration.ofSeconds(1);
    private Duration maxRetryWait = Duration.ofSeconds(120);
    private boolean registryLookups;
    private Map<String, URI> registryEndpoints = Map.of();
    private Duration registryTimeout = Duration.ofSeconds(5);

    private Builder() {}

    public Builder appId(String value) {
      appId = value;
      return this;
    }

    public Builder privateKey(RSAPrivateCrtKey value) {
      privateKey = value;
      return this;
    }

    public Builder webhookSecret(String value) {
      webhookSecret = value.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    public Builder apiUrl(URI value) {
      apiUrl = URI.create(stripSlash(value.toString()));
      return this;
    }

    public Builder host(String value) {
      host = value;
      return this;
    }

    public Builder port(int value) {
      port = value;
      return this;
    }

    public Builder workers(int value) {
      workers = value;
      return this;
    }

    public Builder contentSpacing(Duration value) {
      contentSpacing = value;
      return this;
    }

    public Builder maxRetryWait(Duration value) {
      maxRetryWait = value;
      return this;
    }

    public Builder registryLookups(boolean value) {
      registryLookups = value;
      return this;
    }

    public Builder registryEndpoints(Map<String, URI> value) {
      registryEndpoints = Map.copyOf(value);
      return this;
    }

    public Builder registryTimeout(Duration value) {
      registryTimeout = value;
      return this;
    }

    public Settings build() {
      if (graphqlUrl == null) {
        graphqlUrl = graphqlFor(apiUrl);
      }
      return new Settings(this);
    }
  }
}
