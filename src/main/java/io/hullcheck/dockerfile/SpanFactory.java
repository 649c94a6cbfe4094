package io.hullcheck.dockerfile;

import io.hullcheck.model.SourceFile;
import io.hullcheck.model.Span;

/**
 * Makes spans equal to {@link SourceFile#span} without a binary search per offset: the parser asks
 * for offsets that mostly move forward, so a line cursor that walks from the last answer is
 * amortised O(1). Not thread-safe; one per parse.
 */
final class SpanFactory {
  private final SourceFile source;
  private final int lastLine;
  private final boolean bom;
  private int cursor = 1;

  SpanFactory(SourceFile source) {
    this.source = source;
    this.lastLine = source.lineOf(source.text().length());
    this.bom = source.bom();
  }

  Span span(int start, int end) {
    int startLine = lineOf(start);
    int startColumn = columnOf(start, startLine);
    int endLine = lineOf(end);
    int endColumn = columnOf(end, endLine);
    return new Span(start, end, startLine, startColumn, endLine, endColumn);
  }

  /** As {@link SourceFile#columnOf}: a leading byte order mark takes no column. */
  private int columnOf(int offset, int line) {
    return offset - source.lineStart(line) + 1 - (bom && line == 1 && offset > 0 ? 1 : 0);
  }

  private int lineOf(int offset) {
    while (cursor > 1 && source.lineStart(cursor) > offset) {
      cursor--;
    }
    while (cursor < lastLine && source.lineStart(cursor + 1) <= offset) {
      cursor++;
    }
    return cursor;
  }
}
