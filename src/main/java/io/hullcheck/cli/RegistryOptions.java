package io.hullcheck.cli;

import io.hullcheck.registry.RegistryClient;
import io.hullcheck.rules.ImageRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options {@code scan}, {@code fix} and {@code review} share to turn on registry lookups. */
final class RegistryOptions {
  @Option(
      names = "--registry-lookups",
      description =
          "Ask image registries (Docker Hub, GHCR, ...) for tags and digests, so image-tag and"
              + " compose-image-tag can pin to the current version and base-image-full suggests"
              + " only tags that exist. Off by default: results then need no network.")
  boolean lookups;

  @Option(
      names = "--registry-endpoint",
      paramLabel = "HOST=URL",
      description =
          "Reach registry HOST (docker.io for Docker Hub) at URL instead, e.g. a mirror."
              + " Implies --registry-lookups.")
  Map<String, String> endpoints = new LinkedHashMap<>();

  @Option(
      names = "--registry-timeout",
      paramLabel = "SECONDS",
      defaultValue = "5",
      description = "Timeout of each registry request (default: 5).")
  int timeoutSeconds;

  /** The registry the rules ask: offline unless lookups were asked for. */
  ImageRegistry registry(CliContext context) {
    if (!lookups && endpoints.isEmpty()) {
      return ImageRegistry.OFFLINE;
    }
    if (timeoutSeconds < 1 || timeoutSeconds > 120) {
      throw new UserError("--registry-timeout must be between 1 and 120 seconds");
    }
    Map<String, URI> map = new LinkedHashMap<>();
    endpoints.forEach((host, url) -> map.put(host, endpoint(host, url)));
    return new RegistryClient(
        RegistryClient.Config.defaults()
            .withEndpoints(map)
            .withTimeout(Duration.ofSeconds(timeoutSeconds)),
        line -> {
          synchronized (context.err()) {
            context.err().println("hullcheck: " + line);
          }
        });
  }

  private static URI endpoint(String host, String url) {
    try {
      URI uri = new URI(url);
      if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw new UserError(
        "--registry-endpoint " + host + "=" + url + ": the URL must be http(s)://HOST[:PORT]");
  }
}
