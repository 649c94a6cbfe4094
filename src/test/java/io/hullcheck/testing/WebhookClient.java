package io.hullcheck.testing;

import io.hullcheck.server.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Posts webhooks to a running server the way GitHub does, signed with the given secret. */
public final class WebhookClient {
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;
  private final byte[] secret;

  public WebhookClient(int port, String secret) {
    this.base = URI.create("http://127.0.0.1:" + port);
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  /** A signed delivery with a fresh delivery id. */
  public HttpResponse<String> deliver(String event, byte[] body) {
    return deliver(event, UUID.randomUUID().toString(), body);
  }

  /** A signed delivery with the given delivery id (a redelivery reuses it). */
  public HttpResponse<String> deliver(String event, String deliveryId, byte[] body) {
    return send(
        HttpRequest.newBuilder(base.resolve("/webhook"))
            .header("Content-Type", "application/json")
            .header("User-Agent", "GitHub-Hookshot/7d5c1a0")
            .header("X-GitHub-Event", event)
            .header("X-GitHub-Delivery", deliveryId)
            .header("X-GitHub-Hook-ID", "471101")
            .header("X-GitHub-Hook-Installation-Target-Type", "integration")
            .header("X-GitHub-Hook-Installation-Target-ID", "1234")
            .header("X-Hub-Signature-256", WebhookSignature.sign(secret, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  /** Sends any request against the server. */
  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
  }

  public URI uri(String path) {
    return base.resolve(path);
  }
}
