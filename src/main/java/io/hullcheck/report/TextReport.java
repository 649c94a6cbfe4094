package io.hullcheck.report;

import io.hullcheck.engine.FileProblem;
import io.hullcheck.engine.ScanResult;
import io.hullcheck.model.SourceFile;
import io.hullcheck.model.Span;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.TextEdit;
import java.util.List;
import java.util.Map;

/**
 * Findings as a compiler prints them: {@code path:line:col: severity [rule-id] message}, the source
 * line, carets under the span, and the suggested replacement when a verified fix exists; then one
 * summary line. Suppressed findings are counted, not listed.
 */
public final class TextReport {
  private TextReport() {}

  /**
   * @param sources the checked files by path, for source lines and fixes; a missing one only
   *     shortens the output
   */
  public static String render(ScanResult result, Map<String, SourceFile> sources) {
    StringBuilder out = new StringBuilder();
    for (FileProblem p : result.problems()) {
      out.append(p.path())
          .append(':')
          .append(p.line())
          .append(':')
          .append(p.column())
          .append(": problem: ")
          .append(p.message())
          .append('\n');
    }
    for (Finding f : result.active()) {
      finding(out, f, sources.get(f.path()));
    }
    out.append(summary(result)).append('\n');
    return out.toString();
  }

  private static void finding(StringBuilder out, Finding f, SourceFile source) {
    Span s = f.span();
    out.append(f.path())
        .append(':')
        .append(s.startLine())
        .append(':')
        .append(s.startColumn())
        .append(": ")
        .append(f.severity().id())
        .append(" [")
        .append(f.ruleId())
        .append("] ")
        .append(f.message())
        .append('\n');
    if (f.note() != null) {
      out.append("  note: ").append(f.note()).append('\n');
    }
    if (source == null || s.startLine() > source.lineCount()) {
      return;
    }
    String line = source.lineText(s.startLine());
    String gutter = String.format("%5d | ", s.startLine());
    int from = windowStart(line, s.startColumn() - 1);
    String shown = window(line, from);
    String marks = carets(line, s);
    if (from > 0) {
      marks = " ".repeat(ELLIPSIS.length()) + marks.substring(from);
    }
    if (marks.length() > shown.length()) {
      marks = marks.substring(0, shown.length());
    }
    out.append(gutter).append(shown).append('\n');
    out.append(" ".repeat(gutter.length() - 2)).append("| ").append(marks).append('\n');
    if (f.fix() != null) {
      out.append("  fix: ").append(f.fix().description()).append('\n');
      // A fix on another file (the .dockerignore) only adds lines; show them as added.
      List<String> lines =
          f.fix().elsewhere()
              ? f.fix().edits().stream()
                  .flatMap(e -> e.text().lines())
                  .filter(l -> !l.isEmpty())
                  .map(l -> "+ " + l)
                  .toList()
              : replacement(source, f.fix());
      int at = firstDifference(lines);
      for (String l : lines) {
        // The sign stays in front; only the text after it is windowed.
        String sign = l.startsWith("- ") || l.startsWith("+ ") ? l.substring(0, 2) : "";
        String body = l.substring(sign.length());
        out.append("      ")
            .append(sign)
            .append(window(body, windowStart(body, at - sign.length())))
            .append('\n');
      }
    }
  }

  /** Lines longer than this are shown as a window of {@link #WINDOW} characters around a column. */
  static final int MAX_WIDTH = 200;

  static final int WINDOW = 160;
  static final String ELLIPSIS = "...";

  /** Where the window of a long line starts so that {@code column} (0-based) is in view. */
  static int windowStart(String line, int column) {
    if (line.length() <= MAX_WIDTH) {
      return 0;
    }
    int start = Math.max(0, Math.min(column - WINDOW / 4, line.length() - WINDOW));
    return start < ELLIPSIS.length() ? 0 : start;
  }

  /** The line as shown: whole when short, else {@link #WINDOW} characters from {@code start}. */
  static String window(String line, int start) {
    if (line.length() <= MAX_WIDTH) {
      return line;
    }
    int end = Math.min(line.length(), start + WINDOW);
    return (start > 0 ? ELLIPSIS : "")
        + line.substring(start, end)
        + (end < line.length() ? ELLIPSIS : "");
  }

  /**
   * In a fix's {@code - old} / {@code + new} lines, the column (after the two-character sign) where
   * the first removed line and the first added line first differ, so that a long line is shown
   * where it changes; 0 when there is no such pair.
   */
  static int firstDifference(List<String> lines) {
    String old = lines.stream().filter(l -> l.startsWith("- ")).findFirst().orElse(null);
    String now = lines.stream().filter(l -> l.startsWith("+ ")).findFirst().orElse(null);
    if (old == null || now == null) {
      return 0;
    }
    int i = 2;
    while (i < old.length() && i < now.length() && old.charAt(i) == now.charAt(i)) {
      i++;
    }
    return i;
  }

  /** Carets under the span's part on its first line, at least one; tabs kept for alignment. */
  static String carets(String line, Span s) {
    int from = Math.min(s.startColumn() - 1, line.length());
    int to =
        s.endLine() == s.startLine() ? Math.min(s.endColumn() - 1, line.length()) : line.length();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < from; i++) {
      sb.append(line.charAt(i) == '\t' ? '\t' : ' ');
    }
    sb.append("^".repeat(Math.max(1, to - from)));
    return sb.toString();
  }

  /**
   * The lines a fix changes, as {@code - old} and {@code + new}, with lines both sides share at the
   * edges left out.
   */
  static List<String> replacement(SourceFile source, Fix fix) {
    List<TextEdit> edits = fix.edits();
    int start = edits.stream().mapToInt(TextEdit::startOffset).min().orElse(0);
    int end = edits.stream().mapToInt(TextEdit::endOffset).max().orElse(0);
    int delta =
        edits.stream().mapToInt(e -> e.text().length() - (e.endOffset() - e.startOffset())).sum();
    int from = source.lineStart(source.lineOf(start));
    int to = source.lineContentEnd(source.lineOf(end));
    String after = fix.applyTo(source.text());
    List<String> old = source.text().substring(from, to).lines().toList();
    List<String> now = after.substring(from, Math.max(from, to + delta)).lines().toList();
    int head = 0;
    while (head < old.size() && head < now.size() && old.get(head).equals(now.get(head))) {
      head++;
    }
    int tail = 0;
    while (tail < old.size() - head
        && tail < now.size() - head
        && old.get(old.size() - 1 - tail).equals(now.get(now.size() - 1 - tail))) {
      tail++;
    }
    List<String> out = new java.util.ArrayList<>();
    old.subList(head, old.size() - tail).forEach(l -> out.add("- " + l));
    now.subList(head, now.size() - tail).forEach(l -> out.add("+ " + l));
    return out;
  }

  /**
   * One line with counts, e.g. {@code 3 findings (1 error, 2 warnings) in 2 files, 1 suppressed}.
   */
  public static String summary(ScanResult result) {
    List<Finding> active = result.active();
    StringBuilder sb = new StringBuilder();
    if (active.isEmpty()) {
      sb.append("No findings");
    } else {
      sb.append(plural(active.size(), "finding")).append(" (");
      String sep = "";
      for (Severity sev : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
        long n = active.stream().filter(f -> f.severity() == sev).count();
        if (n > 0) {
          sb.append(sep).append(sev == Severity.INFO ? n + " info" : plural(n, sev.id()));
          sep = ", ";
        }
      }
      sb.append(')');
    }
    sb.append(" in ").append(plural(result.files(), "file"));
    if (result.suppressedCount() > 0) {
      sb.append(", ").append(result.suppressedCount()).append(" suppressed");
    }
    if (!result.problems().isEmpty()) {
      sb.append(", ").append(plural(result.problems().size(), "problem"));
    }
    return sb.toString();
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
