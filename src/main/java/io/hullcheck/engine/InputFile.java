package io.hullcheck.engine;

import io.hullcheck.model.SourceFile;
import java.util.Map;

/**
 * A file to check, with its kind already decided.
 *
 * @param env variables for compose interpolation that belong to this file, typically the {@code
 *     .env} file next to it (what Compose itself reads); never null. The engine's own environment
 *     ({@link Engine#withEnv}) wins over it, as the shell environment wins in Compose.
 */
public record InputFile(SourceFile source, FileKind kind, Map<String, String> env) {

  public InputFile {
    env = Map.copyOf(env);
  }

  /** A file with no interpolation variables of its own. */
  public InputFile(SourceFile source, FileKind kind) {
    this(source, kind, Map.of());
  }

  public String path() {
    return source.path();
  }

  /** The same file with other text, as a fix leaves it. */
  public InputFile withText(String text) {
    return new InputFile(new SourceFile(source.path(), text), kind, env);
  }
}
