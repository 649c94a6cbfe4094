package io.hullcheck.dockerfile;

import io.hullcheck.model.SourceFile;

/**
 * Parses Dockerfiles following BuildKit's grammar. Never throws on bad input: problems come back in
 * {@link Dockerfile#problems()}. Thread-safe.
 */
public final class DockerfileParser {
  private DockerfileParser() {}

  public static Dockerfile parse(SourceFile source) {
    throw new UnsupportedOperationException("being written: see issue 2");
  }
}
