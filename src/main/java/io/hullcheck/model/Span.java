package io.hullcheck.model;

/**
 * A range of source text. Offsets are 0-based char indexes into {@link SourceFile#text()}, end
 * exclusive. Lines and columns are 1-based as a user sees them; {@code endColumn} is exclusive (one
 * past the last character), so an empty span has {@code startColumn == endColumn}.
 *
 * <p>Columns count UTF-16 chars, the same unit as offsets, so a span can be turned back into text
 * edits exactly.
 */
public record Span(
    int startOffset, int endOffset, int startLine, int startColumn, int endLine, int endColumn) {

  public Span {
    if (startOffset < 0 || endOffset < startOffset) {
      throw new IllegalArgumentException("bad offsets " + startOffset + ".." + endOffset);
    }
  }

  /** The smallest span covering both. */
  public Span union(Span other) {
    Span first = startOffset <= other.startOffset ? this : other;
    Span last = endOffset >= other.endOffset ? this : other;
    return new Span(
        first.startOffset,
        last.endOffset,
        first.startLine,
        first.startColumn,
        last.endLine,
        last.endColumn);
  }

  public boolean contains(Span other) {
    return startOffset <= other.startOffset && other.endOffset <= endOffset;
  }

  public int length() {
    return endOffset - startOffset;
  }
}
