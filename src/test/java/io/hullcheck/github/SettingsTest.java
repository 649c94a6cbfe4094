package io.hullcheck.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.testing.TestKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {
  private static final String SECRET = "s3cr3t-webhook-value";

  @Test
  void listsEveryMissingSettingByName() {
    Settings.Loaded loaded = Settings.load(Map.of());
    assertFalse(loaded.ok());
    assertEquals(
        List.of(
            "HULLCHECK_APP_ID is not set",
            "HULLCHECK_PRIVATE_KEY (or HULLCHECK_PRIVATE_KEY_FILE) is not set",
            "HULLCHECK_WEBHOOK_SECRET (or HULLCHECK_WEBHOOK_SECRET_FILE) is not set"),
        loaded.problems());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "port not a number      | HULLCHECK_PORT           | eighty         | HULLCHECK_PORT must be a whole number",
        "port out of range      | HULLCHECK_PORT           | 70000          | HULLCHECK_PORT must be between 0 and 65535",
        "api url not a url      | HULLCHECK_API_URL        | ftp://x        | HULLCHECK_API_URL must be an http(s) URL",
        "app id not numeric     | HULLCHECK_APP_ID         | my-app         | HULLCHECK_APP_ID must be the numeric App ID (or the client ID)",
        "lookups not a boolean  | HULLCHECK_REGISTRY_LOOKUPS | yes          | HULLCHECK_REGISTRY_LOOKUPS must be true or false",
        "endpoint not a pair    | HULLCHECK_REGISTRY_ENDPOINTS | mirror     | HULLCHECK_REGISTRY_ENDPOINTS must be HOST=URL pairs separated by commas",
        "endpoint not a url     | HULLCHECK_REGISTRY_ENDPOINTS | docker.io=ftp://m | HULLCHECK_REGISTRY_ENDPOINTS must be an http(s) URL",
        "timeout out of range   | HULLCHECK_REGISTRY_TIMEOUT_SECONDS | 0    | HULLCHECK_REGISTRY_TIMEOUT_SECONDS must be between 1 and 120",
        "key is not a key       | HULLCHECK_PRIVATE_KEY    | "
            + SECRET
            + " | HULLCHECK_PRIVATE_KEY: not a PEM private key (expected BEGIN RSA PRIVATE KEY or BEGIN PRIVATE KEY)",
        "key file missing       | HULLCHECK_PRIVATE_KEY_FILE | /nonexistent/"
            + SECRET
            + " | HULLCHECK_PRIVATE_KEY and HULLCHECK_PRIVATE_KEY_FILE are both set; set only one",
      })
  void namesInvalidSettingsWithoutTheirValues(
      String scenario, String name, String value, String problem) {
    Map<String, String> env = complete();
    env.put(name, value);
    Settings.Loaded loaded = Settings.load(env);
    assertEquals(List.of(problem), loaded.problems(), scenario);
    for (String p : loaded.problems()) {
      assertFalse(p.contains(SECRET), "a problem shows a value: " + p);
    }
  }

  @Test
  void readsAFileAndLetsTheEnvironmentWin(@TempDir Path dir) throws IOException {
    Path key = dir.resolve("app.pem");
    Files.writeString(key, TestKeys.pkcs1Pem());
    Path file = dir.resolve("hullcheck.env");
    Files.writeString(
        file,
        String.join(
            "\n",
            "HULLCHECK_APP_ID=99",
            "HULLCHECK_PRIVATE_KEY_FILE=" + key,
            "HULLCHECK_WEBHOOK_SECRET_FILE=" + writeSecret(dir),
            "HULLCHECK_API_URL=https://ghe.example.com/api/v3/",
            "HULLCHECK_PORT=9000"));
    Map<String, String> env = new HashMap<>();
    env.put("HULLCHECK_SETTINGS_FILE", file.toString());
    env.put("HULLCHECK_PORT", "9100");
    env.put("HULLCHECK_CONTENT_SPACING_MS", "0");
    Settings.Loaded loaded = Settings.load(env);
    assertTrue(loaded.ok(), loaded.problems().toString());
    Settings s = loaded.settings();
    assertEquals("99", s.appId());
    assertEquals(9100, s.port());
    assertEquals("https://ghe.example.com/api/v3", s.apiUrl().toString());
    assertEquals("https://ghe.example.com/api/graphql", s.graphqlUrl().toString());
    assertEquals(Duration.ZERO, s.contentSpacing());
    assertEquals(SECRET, new String(s.webhookSecret(), java.nio.charset.StandardCharsets.UTF_8));
    assertFalse(s.toString().contains(SECRET));
  }

  @Test
  void registryLookupsAreOffUnlessAskedFor() {
    Settings off = Settings.load(complete()).settings();
    assertFalse(off.registryLookups());
    Map<String, String> env = complete();
    env.put("HULLCHECK_REGISTRY_LOOKUPS", "TRUE");
    env.put(
        "HULLCHECK_REGISTRY_ENDPOINTS",
        "docker.io=https://mirror.example.com, ghcr.io=http://127.0.0.1:5000");
    env.put("HULLCHECK_REGISTRY_TIMEOUT_SECONDS", "2");
    Settings on = Settings.load(env).settings();
    assertTrue(on.registryLookups());
    assertEquals(
        Map.of(
            "docker.io", java.net.URI.create("https://mirror.example.com"),
            "ghcr.io", java.net.URI.create("http://127.0.0.1:5000")),
        on.registryEndpoints());
    assertEquals(Duration.ofSeconds(2), on.registryTimeout());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "https://api.github.com,                 https://api.github.com/graphql",
    "https://ghe.example.com/api/v3,         https://ghe.example.com/api/graphql",
    "http://127.0.0.1:8089,                  http://127.0.0.1:8089/graphql",
  })
  void findsTheGraphQlEndpoint(String api, String graphql) {
    assertEquals(graphql, Settings.graphqlFor(java.net.URI.create(api)).toString());
  }

  private static Path writeSecret(Path dir) throws IOException {
    Path secret = dir.resolve("secret");
    Files.writeString(secret, SECRET + "\n");
    return secret;
  }

  private static Map<String, String> complete() {
    Map<String, String> env = new HashMap<>();
    env.put("HULLCHECK_APP_ID", "1234");
    env.put("HULLCHECK_PRIVATE_KEY", TestKeys.pkcs8Pem());
    env.put("HULLCHECK_WEBHOOK_SECRET", SECRET);
    return env;
  }
}
