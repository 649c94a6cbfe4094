package io.hullcheck.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The App manifest asks for the least the App needs and the events the server handles. */
class ManifestTest {
  @Test
  void asksForTheMinimalPermissionsAndTheHandledEvents() throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> manifest =
        (Map<String, Object>)
            new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(Path.of("app-manifest.yml")));
    assertEquals(
        Map.of(
            "checks", "write",
            "pull_requests", "write",
            "contents", "read",
            "metadata", "read"),
        manifest.get("default_permissions"));
    assertEquals(
        List.of("pull_request", "check_run", "check_suite"), manifest.get("default_events"));
    @SuppressWarnings("unchecked")
    Map<String, Object> hook = (Map<String, Object>) manifest.get("hook_attributes");
    assertTrue(
        String.valueOf(hook.get("url")).endsWith("/webhook"), "the server listens on /webhook");
    for (String key : List.of("name", "url", "redirect_url", "public")) {
      assertTrue(manifest.containsKey(key), key);
    }
  }
}
