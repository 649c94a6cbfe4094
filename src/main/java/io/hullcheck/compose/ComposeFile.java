package io.hullcheck.compose;

import io.hullcheck.dockerfile.Comment;
import io.hullcheck.model.ParseProblem;
import io.hullcheck.model.SourceFile;
import io.hullcheck.model.Span;
import java.util.List;
import java.util.Optional;

/**
 * A loaded compose file, or a compose project merged from several files ({@link ProjectLoader}).
 *
 * <p>Every span of the model is a span of {@code source}. For a single file that is the file. For a
 * merged project it is the project's files one after the other, and {@code layout} tells which file
 * and line a span is in: rules use {@link #where} when a message names a line, and the engine
 * reports each finding in the file its span lies in.
 *
 * @param root the top-level mapping, or null when the file could not be read as one
 * @param services the services in file order
 * @param comments every YAML comment with its position (for suppressions)
 * @param problems what could not be loaded: YAML errors, duplicate keys, limits exceeded
 * @param layout the files the source is made of; one segment for a single file
 */
public record ComposeFile(
    SourceFile source,
    YMap root,
    List<Service> services,
    List<Comment> comments,
    List<ParseProblem> problems,
    ProjectText layout) {

  /** A model of one file on its own. */
  public ComposeFile(
      SourceFile source,
      YMap root,
      List<Service> services,
      List<Comment> comments,
      List<ParseProblem> problems) {
    this(source, root, services, comments, problems, ProjectText.single(source));
  }

  /**
   * How a message names where a span is: {@code line 12}, or {@code line 12 of base.yaml} when it
   * is in another file than {@code from} (the finding's own place; may be null).
   */
  public String where(Span span, Span from) {
    return layout.where(span, from);
  }

  /**
   * The path, relative to the checked root, of the Dockerfile {@code build} reads: its {@code
   * dockerfile} within its {@code context}, both relative to the file of this project that writes
   * {@code build}. Empty for {@code dockerfile_inline}, a remote or absolute context or Dockerfile,
   * an unknown value, or a path that leaves the root.
   */
  public Optional<String> dockerfilePath(Service.Build build) {
    if (build.context() == null
        || build.dockerfile() == null
        || build.context().contains("://")
        || build.dockerfile().startsWith("/")) {
      return Optional.empty();
    }
    String writtenIn = layout.locate(build.node().span()).path();
    return Optional.ofNullable(
        ProjectLoader.resolve(writtenIn, build.context() + "/" + build.dockerfile()));
  }
}
