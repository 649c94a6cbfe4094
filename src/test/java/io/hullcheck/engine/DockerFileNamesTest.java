package io.hullcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The names both {@code scan} discovery and the App's changed-file selection read as Docker files.
 */
class DockerFileNamesTest {
  @ParameterizedTest
  @CsvSource({
    "Dockerfile, DOCKERFILE",
    "dockerfile, DOCKERFILE",
    "DOCKERFILE, DOCKERFILE",
    "Dockerfile.prod, DOCKERFILE",
    "Dockerfile.dev, DOCKERFILE",
    "dockerfile.prod, DOCKERFILE",
    "api.Dockerfile, DOCKERFILE",
    "api.dockerfile, DOCKERFILE",
    "api-Dockerfile, DOCKERFILE",
    "api_Dockerfile, DOCKERFILE",
    "Containerfile, DOCKERFILE",
    "Containerfile.dev, DOCKERFILE",
    "web.Containerfile, DOCKERFILE",
    "services/api/Dockerfile, DOCKERFILE",
    "services/api/api-Dockerfile, DOCKERFILE",
    "compose.yaml, COMPOSE",
    "compose.yml, COMPOSE",
    "compose.override.yml, COMPOSE",
    "docker-compose.yml, COMPOSE",
    "docker-compose.prod.yaml, COMPOSE",
    "Docker-Compose.YML, COMPOSE",
    "metrics-compose.yml, COMPOSE",
    "app__compose.yaml, COMPOSE",
    "deploy/metrics-compose.yml, COMPOSE",
    "values.yaml, ",
    "compose.json, ",
    "compose.txt, ",
    "Dockerfile-old, ",
    "Dockerfile.java, ",
    "Dockerfile.md, ",
    "Dockerfile.dockerignore, ",
    "Dockerfile.orig, ",
    "README.md, ",
    "compose/README.md, ",
    "Dockerfile/app.py, ",
  })
  void kindOf(String path, FileKind kind) {
    assertEquals(Optional.ofNullable(kind), DockerFileNames.kindOf(path));
  }
}
