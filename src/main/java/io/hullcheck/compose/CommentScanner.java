package io.hullcheck.compose;

import io.hullcheck.dockerfile.Comment;
import io.hullcheck.model.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds YAML comments: a {@code #} at the start of a line or after a space or tab, outside every
 * scalar; its span runs from the {@code #} to the last non-blank character. Scalar ranges come from
 * the parsed nodes, so a {@code #} inside a quoted string, a block scalar or a URL fragment is
 * never mistaken for a comment, and a comment after a block scalar header ({@code |- # note}) is
 * still found. This is one linear pass over the text.
 */
final class CommentScanner {
  private CommentScanner() {}

  static List<Comment> scan(SourceFile source, List<int[]> scalarRanges) {
    List<int[]> ranges = new ArrayList<>(scalarRanges);
    ranges.sort(Comparator.comparingInt(r -> r[0]));
    String text = source.text();
    List<Comment> comments = new ArrayList<>();
    int next = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (next < ranges.size() && ranges.get(next)[1] <= i) {
        next++;
      }
      if (next < ranges.size() && ranges.get(next)[0] <= i) {
        i = ranges.get(next)[1];
        continue;
      }
      char c = text.charAt(i);
      if (c == '#' && (i == 0 || isSpace(text.charAt(i - 1)))) {
        int line = source.lineOf(i);
        int lineEnd = source.lineContentEnd(line);
        int end = lineEnd;
        while (end > i + 1 && Character.isWhitespace(text.charAt(end - 1))) {
          end--;
        }
        comments.add(new Comment(text.substring(i + 1, end).trim(), source.span(i, end)));
        i = lineEnd;
        continue;
      }
      i++;
    }
    return comments;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\uFEFF';
  }
}
