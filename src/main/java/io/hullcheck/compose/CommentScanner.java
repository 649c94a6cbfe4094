package io.hullcheck.compose;

import io.hullcheck.dockerfile.Comment;
import io.hullcheck.model.SourceFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds YAML comments: a {@code #} at the start of a line or after a space or tab, outside every
 * scalar; its span runs from the {@code #} to the last non-blank character of the line. Scalar
 * ranges come from the parsed events, so a {@code #} inside a quoted string, a block scalar or a
 * URL fragment is never mistaken for a comment, and a comment after a block scalar header ({@code
 * |- # note}) is still found. One pass that jumps from {@code #} to {@code #}.
 */
final class CommentScanner {
  private CommentScanner() {}

  /**
   * @param ranges scalar ranges as {@code start, end} offset pairs, {@code count} of them
   */
  static List<Comment> scan(SourceFile source, int[] ranges, int count) {
    sortIfNeeded(ranges, count);
    String text = source.text();
    List<Comment> comments = new ArrayList<>();
    int next = 0;
    int i = text.indexOf('#');
    while (i >= 0) {
      while (next < count && ranges[2 * next + 1] <= i) {
        next++;
      }
      if (next < count && ranges[2 * next] <= i) {
        i = text.indexOf('#', ranges[2 * next + 1]);
        continue;
      }
      if (i == 0 || isSpace(text.charAt(i - 1))) {
        int lineEnd = source.lineContentEnd(source.lineOf(i));
        int end = lineEnd;
        while (end > i + 1 && Character.isWhitespace(text.charAt(end - 1))) {
          end--;
        }
        comments.add(new Comment(text.substring(i + 1, end).trim(), source.span(i, end)));
        i = text.indexOf('#', lineEnd);
      } else {
        i = text.indexOf('#', i + 1);
      }
    }
    return comments;
  }

  /** Events come in document order, so the ranges are sorted already; this only checks. */
  private static void sortIfNeeded(int[] ranges, int count) {
    for (int k = 1; k < count; k++) {
      if (ranges[2 * k] < ranges[2 * k - 2]) {
        long[] packed = new long[count];
        for (int j = 0; j < count; j++) {
          packed[j] = ((long) ranges[2 * j] << 32) | (ranges[2 * j + 1] & 0xffffffffL);
        }
        Arrays.sort(packed);
        for (int j = 0; j < count; j++) {
          ranges[2 * j] = (int) (packed[j] >>> 32);
          ranges[2 * j + 1] = (int) packed[j];
        }
        return;
      }
    }
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\uFEFF';
  }
}
