package io.hullcheck.compose;

import io.hullcheck.dockerfile.Comment;
import io.hullcheck.model.ParseProblem;
import io.hullcheck.model.SourceFile;
import java.util.List;

/**
 * A loaded compose file.
 *
 * @param root the top-level mapping, or null when the file could not be read as one
 * @param services the services in file order
 * @param comments every YAML comment with its position (for suppressions)
 * @param problems what could not be loaded: YAML errors, duplicate keys, limits exceeded
 */
public record ComposeFile(
    SourceFile source,
    YMap root,
    List<Service> services,
    List<Comment> comments,
    List<ParseProblem> problems) {}
