package io.hullcheck.rules.compose;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The healthcheck suggestion fits the image, and never names a tool for an unknown image. */
class HealthProbesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "redis:7-alpine | redis-cli",
        "docker.io/library/postgres:16 | pg_isready",
        "mysql:8.4 | mysqladmin",
        "mongo | mongosh",
        "bitnami/redis:7 | <command that exits 0",
        "ghcr.io/acme/redis:1 | <command that exits 0",
        "nginx:1.27 | <command that exits 0",
        "'' | <command that exits 0"
      })
  void suggestion(String image, String expected) {
    String s = HealthProbes.suggest(image.isEmpty() ? null : image);
    assertTrue(s.contains(expected), s);
    assertTrue(!s.contains("curl\""), s);
  }
}
