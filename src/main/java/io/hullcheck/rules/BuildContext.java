package io.hullcheck.rules;

import io.hullcheck.rules.support.DockerIgnore;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of a Dockerfile's build context, supplied by the caller of the engine (the
 * command line lists it from disk, the App from the fetched git tree). Paths only, plus the texts
 * of the few small files whose content decides something. Immutable.
 *
 * @param dir the context directory, relative to the scanned root, {@code /}-separated, {@code ""}
 *     for the root itself
 * @param files the paths in the context, relative to {@code dir}, sorted; a {@code .git} directory
 *     is listed as the single entry {@code .git} and never descended into. At most {@link
 *     #MAX_FILES} entries
 * @param truncated whether the listing stopped at {@link #MAX_FILES}, so files may be missing
 * @param ignorePath the ignore file that applies, relative to the scanned root: the Dockerfile's
 *     own {@code <name>.dockerignore} when it exists, else the context's {@code .dockerignore}
 *     (which a fix creates when absent)
 * @param ignoreText that file's text, empty when it does not exist
 * @param texts context-relative path to text, for small files whose content decides whether they
 *     hold a secret ({@code .npmrc}, {@code .pypirc}); a file absent here was not read
 */
public record BuildContext(
    String dir,
    List<String> files,
    boolean truncated,
    String ignorePath,
    Optional<String> ignoreText,
    Map<String, String> texts) {

  /** The most paths a listing holds; larger contexts are cut and marked truncated. */
  public static final int MAX_FILES = 50_000;

  public BuildContext {
    files = List.copyOf(files);
    texts = Map.copyOf(texts);
  }

  /** The parsed ignore patterns; none when the file does not exist. */
  public DockerIgnore ignore() {
    return ignoreText.map(DockerIgnore::parse).orElse(DockerIgnore.empty());
  }

  /** The same context with the ignore file holding {@code text}, as a fix leaves it. */
  public BuildContext withIgnoreText(String text) {
    return new BuildContext(dir, files, truncated, ignorePath, Optional.of(text), texts);
  }
}
