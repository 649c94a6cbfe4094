package io.hullcheck.report;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two versions of one file, as {@code diff -u} and {@code git diff} print it:
 * three lines of context, {@code \ No newline at end of file} where a side lacks a final newline.
 * Lines are split at {@code \n} only, as {@code diff} does: a CRLF line keeps its {@code \r} in the
 * output, so the diff applies with {@code patch}, and a changed line ending shows as a change.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** The diff, or an empty string when the texts are equal. */
  public static String of(String path, String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<AbstractDelta<String>> deltas = DiffUtils.diff(a, b).getDeltas();
    StringBuilder out = new StringBuilder();
    out.append("--- a/").append(path).append('\n');
    out.append("+++ b/").append(path).append('\n');
    int i = 0;
    while (i < deltas.size()) {
      int j = i;
      while (j + 1 < deltas.size()
          && deltas.get(j + 1).getSource().getPosition() - end(deltas.get(j)) <= 2 * CONTEXT) {
        j++;
      }
      hunk(out, a, deltas.subList(i, j + 1));
      i = j + 1;
    }
    return out.toString();
  }

  private static int end(AbstractDelta<String> d) {
    return d.getSource().getPosition() + d.getSource().size();
  }

  private static void hunk(StringBuilder out, List<String> a, List<AbstractDelta<String>> group) {
    AbstractDelta<String> first = group.get(0);
    AbstractDelta<String> last = group.get(group.size() - 1);
    int start = Math.max(0, first.getSource().getPosition() - CONTEXT);
    int stop = Math.min(a.size(), end(last) + CONTEXT);
    int newStart = first.getTarget().getPosition() - (first.getSource().getPosition() - start);
    int oldLen = stop - start;
    int newLen = oldLen;
    for (AbstractDelta<String> d : group) {
      newLen += d.getTarget().size() - d.getSource().size();
    }
    out.append("@@ -")
        .append(range(start, oldLen))
        .append(" +")
        .append(range(newStart, newLen))
        .append(" @@\n");
    int i = start;
    for (AbstractDelta<String> d : group) {
      for (; i < d.getSource().getPosition(); i++) {
        line(out, ' ', a.get(i));
      }
      d.getSource().getLines().forEach(l -> line(out, '-', l));
      d.getTarget().getLines().forEach(l -> line(out, '+', l));
      i = end(d);
    }
    for (; i < stop; i++) {
      line(out, ' ', a.get(i));
    }
  }

  /** GNU style: a range of length 0 names the line before it. */
  private static String range(int start, int len) {
    if (len == 0) {
      return start + ",0";
    }
    return len == 1 ? String.valueOf(start + 1) : (start + 1) + "," + len;
  }

  private static void line(StringBuilder out, char mark, String lineWithTerminator) {
    String content = stripTerminator(lineWithTerminator);
    out.append(mark).append(content).append('\n');
    if (content.length() == lineWithTerminator.length()) {
      out.append("\\ No newline at end of file\n");
    }
  }

  private static String stripTerminator(String l) {
    return l.endsWith("\n") ? l.substring(0, l.length() - 1) : l;
  }

  /** Lines with their {@code \n} terminators; the last one may have none. */
  static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      out.add(text.substring(start));
    }
    return out;
  }
}
