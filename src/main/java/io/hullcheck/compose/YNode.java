package io.hullcheck.compose;

import io.hullcheck.model.Span;

/**
 * A YAML node after anchors, aliases and merge keys are resolved, keeping where each value is
 * written. A node reached through an alias keeps the span of the anchored original; the map entry
 * that brought it in through {@code <<} records the merge site in {@link YEntry#mergedVia()}.
 */
public sealed interface YNode permits YMap, YSeq, YScalar {
  /** Where the node is written in the file. */
  Span span();
}
