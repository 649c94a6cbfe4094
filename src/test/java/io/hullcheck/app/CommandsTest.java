package io.hullcheck.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.cli.CliContext;
import io.hullcheck.cli.Main;
import io.hullcheck.policy.PolicyLoader;
import io.hullcheck.rules.Registry;
import io.hullcheck.server.ServerMetrics;
import io.hullcheck.server.WebhookServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code hullcheck serve} refusing to start without settings, and {@code hullcheck healthcheck}.
 */
class CommandsTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    CliContext context =
        new CliContext(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            PolicyLoader::load,
            env,
            Registry.all());
    return Main.run(context, args);
  }

  @Test
  void serveListsEveryMissingSettingWithoutValues() {
    int code =
        run(
            Map.of("HULLCHECK_WEBHOOK_SECRET", "hunter2-secret", "HULLCHECK_PORT", "http"),
            "serve");
    assertEquals(2, code);
    String text = err.toString();
    for (String expected :
        new String[] {
          "HULLCHECK_APP_ID is not set",
          "HULLCHECK_PRIVATE_KEY (or HULLCHECK_PRIVATE_KEY_FILE) is not set",
          "HULLCHECK_PORT must be a whole number"
        }) {
      assertTrue(text.contains(expected), text);
    }
    assertFalse(text.contains("hunter2-secret"), text);
    assertFalse(text.contains("HULLCHECK_WEBHOOK_SECRET"), "a set secret is not a problem");
  }

  @Test
  void healthcheckAsksTheRunningServer() {
    try (WebhookServer server =
        WebhookServer.start(
            new WebhookServer.Config(
                "127.0.0.1",
                0,
                "s".getBytes(StandardCharsets.UTF_8),
                1,
                1,
                (request, cancelled) -> {
                  throw new IllegalStateException("no jobs here");
                },
                new ServerMetrics(),
                () -> true))) {
      assertEquals(
          0, run(Map.of("HULLCHECK_PORT", Integer.toString(server.port())), "healthcheck"));
      assertTrue(out.toString().contains("healthy"));
    }
    assertEquals(
        1, run(Map.of(), "healthcheck", "--url", "http://127.0.0.1:1/healthz"), err.toString());
  }
}
