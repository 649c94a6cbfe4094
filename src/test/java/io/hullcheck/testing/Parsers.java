package io.hullcheck.testing;

import io.hullcheck.compose.ComposeLoader;
import io.hullcheck.dockerfile.DockerfileParser;
import io.hullcheck.model.SourceFile;
import java.util.Map;

/**
 * Whether the Dockerfile parser and the compose loader are in this build. They are written in
 * parallel with the engine; tests that need them skip (with this message) until both have landed.
 */
public final class Parsers {
  public static final String MISSING = "the Dockerfile parser or compose loader has not landed yet";

  private Parsers() {}

  public static boolean available() {
    try {
      DockerfileParser.parse(new SourceFile("Dockerfile", "FROM a\n"));
      ComposeLoader.load(new SourceFile("compose.yaml", "services: {}\n"), Map.of());
      return true;
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }
}
