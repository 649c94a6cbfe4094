package io.hullcheck.compose;

import io.hullcheck.model.Span;

/**
 * A key and its value in a mapping.
 *
 * @param mergedVia when the entry came in through a merge key, the span of that {@code <<} entry in
 *     the map that merges it; else null. A finding on such a value belongs at the merge site when
 *     the fix is to override it there, or at the anchor (the value's own span) when the fix is to
 *     change the shared value. {@link ComposeLoader} says which place to choose for which kind of
 *     finding. The span runs from the {@code <<} key to the end of its value ({@code <<: *base}).
 */
public record YEntry(YScalar key, YNode value, Span mergedVia) {
  public String name() {
    return key.raw();
  }

  /** The span from the key to the end of the value. */
  public Span span() {
    return mergedVia != null ? value.span() : key.span().union(value.span());
  }
}
