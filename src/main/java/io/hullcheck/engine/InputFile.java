package io.hullcheck.engine;

import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.BuildContext;
import io.hullcheck.rules.RepositoryView;
import java.util.Map;
import java.util.Optional;

/**
 * A file to check, with its kind already decided.
 *
 * @param env variables for compose interpolation that belong to this file, typically the {@code
 *     .env} file next to it (what Compose itself reads); never null. The engine's own environment
 *     ({@link Engine#withEnv}) wins over it, as the shell environment wins in Compose.
 * @param buildContext the Dockerfile's build context when the caller knows it; rules that read the
 *     context find nothing without it
 * @param repository the repository around the file; set on one Dockerfile per repository (see
 *     {@link RepositoryView}), empty on every other file
 */
public record InputFile(
    SourceFile source,
    FileKind kind,
    Map<String, String> env,
    Optional<BuildContext> buildContext,
    Optional<RepositoryView> repository) {

  public InputFile {
    env = Map.copyOf(env);
  }

  public InputFile(SourceFile source, FileKind kind, Map<String, String> env) {
    this(source, kind, env, Optional.empty(), Optional.empty());
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
    return new InputFile(new SourceFile(source.path(), text), kind, env, buildContext, repository);
  }

  public InputFile withBuildContext(BuildContext context) {
    return new InputFile(source, kind, env, Optional.of(context), repository);
  }

  public InputFile withRepository(RepositoryView view) {
    return new InputFile(source, kind, env, buildContext, Optional.of(view));
  }
}
