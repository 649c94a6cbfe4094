package io.hullcheck.app;

import io.hullcheck.testing.AppHarness;
import io.hullcheck.testing.FakeGitHub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppEndToEndTest {
  @TempDir Path dir;

  @Test
  void explore() throws Exception {
    try (AppHarness h = new AppHarness(dir, Duration.ZERO)) {
      h.base(Map.of("README.md", "# shop\n", ".github/hullcheck.yml", "fail_on: warning\n"));
      h.push(
          "add container",
          Map.of(
              "Dockerfile",
              "FROM node:latest\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"server.js\"]\n",
              "compose.yaml",
              "services:\n  web:\n    build: .\n    image: shop/web:1.4.2\n    ports:\n      - \"8080:8080\"\n    privileged: true\n"));
      System.err.println(
          h.deliver("pull_request", h.pullRequestPayload("opened").render("pull_request"))
              .statusCode());
      h.awaitCompleted(h.head);
      for (FakeGitHub.Received r : h.github.requests()) {
        System.err.println("REQ " + r);
      }
    }
  }
}
