package io.hullcheck.cli;

import io.hullcheck.compose.ComposeSources;
import io.hullcheck.model.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The other files of compose projects (overrides, {@code extends} and {@code include} targets),
 * read from disk under the workspace root as the engine asks for them. Each file is read once; a
 * file outside the root, not a regular file, or binary is absent. Thread-safe.
 */
final class DiskSources implements ComposeSources {
  private final Path root;
  private final Map<String, Optional<String>> read = new ConcurrentHashMap<>();

  DiskSources(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public Optional<String> read(String path) {
    return read.computeIfAbsent(path, this::load);
  }

  private Optional<String> load(String path) {
    Path file = root.resolve(path).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Workspace.read(file));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The files read so far, by path, so reports can show their lines. */
  Map<String, SourceFile> files() {
    Map<String, SourceFile> out = new TreeMap<>();
    read.forEach((path, text) -> text.ifPresent(t -> out.put(path, new SourceFile(path, t))));
    return out;
  }
}
