package io.hullcheck.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.model.ImageRef;
import io.hullcheck.testing.FakeRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry client against a fake registry on loopback. */
class RegistryClientTest {
  private FakeRegistry registry;
  private RegistryClient client;

  @BeforeEach
  void start() {
    registry = FakeRegistry.start();
    client = client(Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private RegistryClient client(Duration timeout) {
    return new RegistryClient(
        RegistryClient.Config.defaults()
            .withTimeout(timeout)
            .withEndpoints(Map.of("docker.io", registry.url(), "ghcr.io", registry.url())));
  }

  private static ImageRef ref(String image) {
    return ImageRef.parse(image).orElseThrow();
  }

  @Test
  void listsEveryPageOfTagsAfterTheTokenChallenge() {
    Optional<List<String>> tags = client.tags(ref("nginx:latest"));
    assertTrue(tags.isPresent());
    assertEquals(17, tags.get().size(), tags.get().toString());
    assertTrue(tags.get().containsAll(List.of("1.27.3", "1.9.15", "stable-alpine")));
    List<String> pages =
        registry.requests().stream().filter(r -> r.contains("/tags/list")).toList();
    // One 401, then five pages of at most four.
    assertEquals(6, pages.size(), pages.toString());
    assertTrue(pages.get(0).startsWith("GET /v2/library/nginx/tags/list"), pages.get(0));
    assertEquals(1, registry.tokensIssued());
  }

  @Test
  void asksForTheIndexDigestAndReusesTheToken() {
    Optional<String> digest = client.digest(ref("python"), "3.13.1-slim");
    assertEquals(Optional.of(registry.digest("library/python", "3.13.1-slim")), digest);
    assertEquals(
        Optional.of(registry.digest("library/python", "3.13.1")),
        client.digest(ref("docker.io/library/python"), "latest"));
    assertEquals(1, registry.tokensIssued(), "one token per repository");
  }

  @Test
  void cachesAnswers() {
    client.tags(ref("nginx"));
    client.digest(ref("nginx"), "1.27.3");
    int before = registry.requests().size();
    client.tags(ref("nginx:1.9"));
    client.digest(ref("nginx:alpine"), "1.27.3");
    assertEquals(before, registry.requests().size());
  }

  @Test
  void otherRegistriesUseTheirOwnNames() {
    assertEquals(
        Optional.of(registry.digest("acme/api", "v1.10.1")),
        client.digest(ref("ghcr.io/acme/api:latest"), "latest"));
    assertTrue(registry.requests().contains("HEAD /v2/acme/api/manifests/latest"));
  }

  @Test
  void aMissingTagOrRepositoryIsUnknown() {
    assertEquals(Optional.empty(), client.digest(ref("nginx"), "0.0.1-nope"));
    assertEquals(Optional.empty(), client.tags(ref("nobody/nothing")));
  }

  @Test
  void aFailingRegistryIsUnknown() {
    registry.fail("library/nginx");
    assertEquals(Optional.empty(), client.tags(ref("nginx")));
    assertEquals(Optional.empty(), client.digest(ref("nginx"), "1.27.3"));
  }

  @Test
  void aSlowRegistryTimesOutOnceThenIsSkipped() {
    registry.slow("library/nginx", 3000);
    RegistryClient impatient = client(Duration.ofMillis(300));
    long start = System.nanoTime();
    assertEquals(Optional.empty(), impatient.tags(ref("nginx")));
    assertEquals(Optional.empty(), impatient.digest(ref("python"), "3.12"));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 2500, "took " + millis + " ms");
    assertFalse(
        registry.requests().stream().anyMatch(r -> r.contains("python")),
        "a host that timed out is not asked again for a while");
  }

  @Test
  void mapsDockerHubNames() {
    RegistryClient plain = new RegistryClient(RegistryClient.Config.defaults());
    RegistryClient.Target t = plain.target(ref("nginx:1"));
    assertEquals(URI.create("https://registry-1.docker.io"), t.endpoint());
    assertEquals("library/nginx", t.name());
    assertEquals("bitnami/nginx", plain.target(ref("index.docker.io/bitnami/nginx")).name());
    RegistryClient.Target ghcr = plain.target(ref("ghcr.io/acme/api:v1"));
    assertEquals(URI.create("https://ghcr.io"), ghcr.endpoint());
    assertEquals("acme/api", ghcr.name());
    assertEquals(
        URI.create("https://registry-1.docker.io/v2/library/nginx/tags/list"), t.uri("/tags/list"));
  }

  @Test
  void readsTheBearerChallenge() {
    assertEquals(
        Map.of(
            "realm", "https://auth.docker.io/token",
            "service", "registry.docker.io",
            "scope", "repository:library/nginx:pull"),
        RegistryClient.challengeParams(
            "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + "scope=\"repository:library/nginx:pull\""));
  }

  @Test
  void noTokenEverReachesALogLine() {
    ch.qos.logback.classic.Logger logger =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(RegistryClient.class);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
        new ch.qos.logback.core.read.ListAppender<>();
    lines.start();
    ch.qos.logback.classic.Level level = logger.getLevel();
    logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
    logger.addAppender(lines);
    try {
      client.tags(ref("nginx"));
      client.digest(ref("nginx"), "missing");
      registry.fail("library/python");
      client.digest(ref("python"), "3.12");
    } finally {
      logger.detachAppender(lines);
      logger.setLevel(level);
    }
    assertFalse(lines.list.isEmpty(), "the lookups log what they did");
    for (ch.qos.logback.classic.spi.ILoggingEvent e : lines.list) {
      assertFalse(e.getFormattedMessage().contains("tok-"), e.getFormattedMessage());
    }
  }
}
