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
  private int cursor = 1;

  SpanFactory(SourceFile source) {
    this.source = source;
    this.lastLine = source.lineOf(source.text().length());
  }

  Span span(int start, int end) {
    int startLine = lineOf(start);
    int startColumn = start - source.lineStart(startLine) + 1;
    int endLine = lineOf(end);
    int endColumn = end - source.lineStart(endLine) + 1;
    return new Span(start, end, startLine, startColumn, endLine, endColumn);
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
