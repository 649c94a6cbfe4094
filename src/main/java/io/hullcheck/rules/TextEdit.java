package io.hullcheck.rules;

import io.hullcheck.model.Span;

/**
 * Replace the chars [startOffset, endOffset) of a file's text with {@code text}. An insertion has
 * {@code startOffset == endOffset}; a deletion has empty text.
 */
public record TextEdit(int startOffset, int endOffset, String text) {

  public TextEdit {
    if (startOffset < 0 || endOffset < startOffset) {
      throw new IllegalArgumentException("bad edit range " + startOffset + ".." + endOffset);
    }
  }

  public static TextEdit replace(Span span, String text) {
    return new TextEdit(span.startOffset(), span.endOffset(), text);
  }

  public static TextEdit insert(int offset, String text) {
    return new TextEdit(offset, offset, text);
  }

  public static TextEdit delete(int startOffset, int endOffset) {
    return new TextEdit(startOffset, endOffset, "");
  }
}
