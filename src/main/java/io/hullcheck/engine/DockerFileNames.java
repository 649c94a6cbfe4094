package io.hullcheck.engine;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which file names are Docker configuration, and of what kind: the one definition that {@code
 * hullcheck scan} discovers files by and the App (and {@code hullcheck review}) picks changed files
 * by, so a pull request is reviewed on every file the command line would check.
 *
 * <p>Case-insensitive. Dockerfiles: {@code Dockerfile}, {@code Dockerfile.*}, {@code *.Dockerfile},
 * {@code Containerfile}, {@code Containerfile.*} and other names ending in {@code Dockerfile} or
 * {@code Containerfile} (such as {@code api-Dockerfile}). Compose files: {@code compose*.y(a)ml},
 * {@code docker-compose*.y(a)ml} and other YAML names containing {@code compose} (such as {@code
 * metrics-compose.yml}). A name whose extension is source code, documentation or an ignore file
 * ({@code Dockerfile.java}, {@code Dockerfile.md}) is neither. {@code Dockerfile-old} is neither: a
 * suffix after a dash is read as a backup copy, not a build variant.
 */
public final class DockerFileNames {
  private DockerFileNames() {}

  /**
   * Extensions that make {@code Dockerfile.<ext>} something else: source code about Dockerfiles
   * (our own {@code Dockerfile.java}), documentation, and BuildKit's per-Dockerfile ignore file.
   */
  private static final Set<String> NOT_DOCKER =
      Set.of(
          "java",
          "kt",
          "scala",
          "groovy",
          "go",
          "py",
          "rb",
          "rs",
          "js",
          "ts",
          "c",
          "h",
          "cpp",
          "cs",
          "class",
          "md",
          "rst",
          "txt",
          "html",
          "json",
          "sh",
          "ps1",
          "dockerignore",
          "orig",
          "rej",
          "swp");

  /**
   * The kind a file's name says, or empty when it is not Docker configuration.
   *
   * @param path a file name or a {@code /}-separated path; only its last segment counts
   */
  public static Optional<FileKind> kindOf(String path) {
    String n = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    int dot = n.lastIndexOf('.');
    if (dot >= 0 && NOT_DOCKER.contains(n.substring(dot + 1))) {
      return Optional.empty();
    }
    if (n.endsWith("dockerfile")
        || n.endsWith("containerfile")
        || n.startsWith("dockerfile.")
        || n.startsWith("containerfile.")) {
      return Optional.of(FileKind.DOCKERFILE);
    }
    if (n.contains("compose") && (n.endsWith(".yml") || n.endsWith(".yaml"))) {
      return Optional.of(FileKind.COMPOSE);
    }
    return Optional.empty();
  }
}
