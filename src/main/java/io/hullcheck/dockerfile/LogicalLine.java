package io.hullcheck.dockerfile;

import io.hullcheck.model.Span;

/**
 * One instruction's text with its continuations joined, as BuildKit sees it, plus the source offset
 * of every char so any range of the joined text maps back to an exact source span.
 *
 * <p>Reused across the instructions of one parse (no per-char allocation); not thread-safe.
 */
final class LogicalLine {
  private final SpanFactory spans;
  private final String source;
  private char[] chars;
  private int[] offsets;
  private int length;

  /** Source offset just past the last char that belongs to the instruction. */
  private int endOffset;

  /** {@code sizeHint}: the file length; a logical line never needs more. */
  LogicalLine(SpanFactory spans, String source) {
    this.spans = spans;
    this.source = source;
    int sizeHint = source.length();
    int capacity = Math.max(16, Math.min(sizeHint, 512));
    this.chars = new char[capacity];
    this.offsets = new int[capacity];
  }

  void reset() {
    length = 0;
    endOffset = 0;
  }

  /** Appends {@code text[from, to)} and records each char's source offset. */
  void append(String text, int from, int to) {
    int n = to - from;
    if (length + n > chars.length) {
      int cap = Math.max(chars.length * 2, length + n);
      chars = java.util.Arrays.copyOf(chars, cap);
      offsets = java.util.Arrays.copyOf(offsets, cap);
    }
    text.getChars(from, to, chars, length);
    for (int i = 0; i < n; i++) {
      offsets[length + i] = from + i;
    }
    length += n;
  }

  void setEndOffset(int endOffset) {
    this.endOffset = endOffset;
  }

  int endOffset() {
    return endOffset;
  }

  int length() {
    return length;
  }

  char charAt(int i) {
    return chars[i];
  }

  String text(int from, int to) {
    if (to > from && offsets[to - 1] - offsets[from] == to - from - 1) {
      // No continuation inside: a substring of the source is cheaper than a new String of chars.
      return source.substring(offsets[from], offsets[to - 1] + 1);
    }
    return new String(chars, from, to - from);
  }

  /** The keyword at {@code [from, to)} as one of {@code known} (upper-case), or null. */
  String knownUpperCase(int from, int to, String[] known) {
    int n = to - from;
    for (String k : known) {
      if (k.length() != n) {
        continue;
      }
      int i = 0;
      while (i < n && Character.toUpperCase(chars[from + i]) == k.charAt(i)) {
        i++;
      }
      if (i == n) {
        return k;
      }
    }
    return null;
  }

  /** Source offset where logical index {@code i} starts; the end offset past the last char. */
  int sourceStart(int i) {
    return i < length ? offsets[i] : endOffset;
  }

  /** Source offset just past logical range {@code [from, to)}. */
  int sourceEnd(int from, int to) {
    return to > from ? offsets[to - 1] + 1 : sourceStart(from);
  }

  /** The exact source span of logical range {@code [from, to)}. */
  Span span(int from, int to) {
    return spans.span(sourceStart(from), sourceEnd(from, to));
  }

  /** The logical index of the char at source offset {@code offset}, or -1 (linear; rare path). */
  int indexOfSource(int offset) {
    for (int i = 0; i < length; i++) {
      if (offsets[i] == offset) {
        return i;
      }
    }
    return -1;
  }

  boolean contains(char a, char b) {
    for (int i = 0; i + 1 < length; i++) {
      if (chars[i] == a && chars[i + 1] == b) {
        return true;
      }
    }
    return false;
  }
}
