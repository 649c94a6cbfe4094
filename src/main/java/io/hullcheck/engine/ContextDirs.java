package io.hullcheck.engine;

import java.util.Optional;

/**
 * Where a Dockerfile's build context is. By default it is the Dockerfile's own directory; a compose
 * file that builds the Dockerfile ({@code build.context}, {@code build.dockerfile}) can say
 * otherwise, and the compose linking supplies an implementation that does.
 */
@FunctionalInterface
public interface ContextDirs {
  /** The Dockerfile's own directory for every Dockerfile. */
  ContextDirs DEFAULT = dockerfile -> Optional.empty();

  /**
   * The context directory of a Dockerfile, both relative to the scanned root and {@code
   * /}-separated ({@code ""} for the root), or empty when it is the Dockerfile's own directory.
   */
  Optional<String> contextOf(String dockerfilePath);
}
