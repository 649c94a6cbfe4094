package io.hullcheck.compose;

import java.util.Optional;

/**
 * Reads the other files a compose project names: its override file, {@code extends} targets and
 * {@code include} targets. The compose package does no I/O; the engine, the command line and the
 * App each supply one of these (files on disk, fetched blobs, or the files already in hand).
 *
 * <p>Paths are as reported to users: relative to the scanned root, {@code /}-separated and
 * normalised (no {@code .} or {@code ..} segments). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ComposeSources {
  /** The text of the file, or empty when there is no such file or it cannot be read. */
  Optional<String> read(String path);

  /** Sources with no files at all: every compose file is then checked on its own. */
  static ComposeSources none() {
    return path -> Optional.empty();
  }
}
