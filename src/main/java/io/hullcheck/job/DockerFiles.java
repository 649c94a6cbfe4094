package io.hullcheck.job;

import io.hullcheck.engine.FileKind;
import java.util.Locale;
import java.util.Optional;

/**
 * Which changed files are Docker configuration, by name, with the command line's discovery rules:
 * {@code Dockerfile}, {@code Dockerfile.*}, {@code *.Dockerfile}, {@code Containerfile}, {@code
 * compose*.yml|yaml}, {@code docker-compose*.yml|yaml}.
 */
public final class DockerFiles {
  private DockerFiles() {}

  /** The kind a path is read as, or empty when it is not Docker configuration. */
  public static Optional<FileKind> kindOf(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    String lower = name.toLowerCase(Locale.ROOT);
    if (name.equals("Dockerfile")
        || name.startsWith("Dockerfile.")
        || name.endsWith(".Dockerfile")
        || lower.equals("dockerfile")
        || name.equals("Containerfile")) {
      return Optional.of(FileKind.DOCKERFILE);
    }
    if ((lower.startsWith("compose") || lower.startsWith("docker-compose"))
        && (lower.endsWith(".yml") || lower.endsWith(".yaml"))) {
      return Optional.of(FileKind.COMPOSE);
    }
    return Optional.empty();
  }
}
