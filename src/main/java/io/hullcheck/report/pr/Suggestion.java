package io.hullcheck.report.pr;

import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A GitHub suggested change: the content of a {@code ```suggestion} block replaces whole lines
 * {@code startLine..endLine} of the new version (a single line when they are equal; nothing left
 * when {@code lines} is empty, which deletes them). Built from a verified {@link Fix} by applying
 * it and cutting the changed region at line boundaries, so insertions, deletions, CRLF files and a
 * missing final newline come out right.
 *
 * @param startLine first replaced line, 1-based
 * @param endLine last replaced line, 1-based, not below {@code startLine}
 * @param lines the replacement lines, without line terminators
 */
public record Suggestion(int startLine, int endLine, List<String> lines) {

  public Suggestion {
    lines = List.copyOf(lines);
  }

  /**
   * The suggestion that turns {@code source} into {@code fix.applyTo(source.text())}, or empty when
   * the fix has no edits or changes nothing a suggestion can express (for example only a final
   * newline).
   */
  public static Optional<Suggestion> of(SourceFile source, Fix fix) {
    if (fix == null || fix.edits().isEmpty()) {
      return Optional.empty();
    }
    String text = source.text();
    int lineCount = Math.max(1, source.lineCount());
    int start = Integer.MAX_VALUE;
    int end = 0;
    int delta = 0;
    for (TextEdit e : fix.edits()) {
      start = Math.min(start, e.startOffset());
      end = Math.max(end, e.endOffset());
      delta += e.text().length() - (e.endOffset() - e.startOffset());
    }
    int startLine = Math.min(source.lineOf(start), lineCount);
    int endLine;
    if (insertsBeforeBlankLine(source, fix, start, startLine)) {
      // Lines inserted above a blank line continue the block above it (a service's keys, a
      // stage's instructions): the suggestion takes the line above, so the comment stands on
      // text the reader recognises instead of on an empty line.
      startLine--;
      endLine = startLine;
    } else if (end > start
        && end == source.lineStart(source.lineOf(end))
        && source.lineOf(end) > 1) {
      // The change stops right after a line terminator: the next line is untouched.
      endLine = Math.max(startLine, source.lineOf(end) - 1);
    } else {
      endLine = source.lineOf(end);
    }
    endLine = Math.min(Math.max(endLine, startLine), lineCount);
    int regionStart = source.lineStart(startLine);
    int regionEnd = endLine < lineCount ? source.lineStart(endLine + 1) : text.length();
    if (start < regionStart || end > regionEnd) {
      return Optional.empty();
    }
    String fixed = fix.applyTo(text);
    String before = text.substring(regionStart, regionEnd);
    String after = fixed.substring(regionStart, regionEnd + delta);
    List<String> oldLines = splitLines(before);
    List<String> newLines = splitLines(after);
    if (oldLines.equals(newLines)) {
      return Optional.empty();
    }
    return Optional.of(new Suggestion(startLine, endLine, newLines));
  }

  /** Whether every edit inserts at the start of {@code line}, past the first, and it is blank. */
  private static boolean insertsBeforeBlankLine(SourceFile source, Fix fix, int start, int line) {
    if (line <= 1 || line > source.lineCount() || start != source.lineStart(line)) {
      return false;
    }
    for (TextEdit e : fix.edits()) {
      if (e.startOffset() != start || e.endOffset() != start) {
        return false;
      }
    }
    return source.lineText(line).isBlank();
  }

  /**
   * Lines of a region that starts at a line start, without terminators. A final terminator ends the
   * last line rather than starting an empty one, so {@code "a\n"} and {@code "a"} are both {@code
   * [a]}, and {@code ""} is no lines at all.
   */
  static List<String> splitLines(String region) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int lineStart = 0;
    while (i < region.length()) {
      char c = region.charAt(i);
      if (c == '\n' || c == '\r') {
        out.add(region.substring(lineStart, i));
        if (c == '\r' && i + 1 < region.length() && region.charAt(i + 1) == '\n') {
          i++;
        }
        lineStart = i + 1;
      }
      i++;
    }
    if (lineStart < region.length()) {
      out.add(region.substring(lineStart));
    }
    return out;
  }

  /** Whether this replaces more than one line (a {@code start_line}/{@code line} comment). */
  public boolean multiLine() {
    return startLine < endLine;
  }

  /** The fenced {@code suggestion} block, the fence longer than any backtick run in the lines. */
  public String block() {
    String content = String.join("\n", lines);
    String fence = fence(content);
    StringBuilder sb = new StringBuilder();
    sb.append(fence).append("suggestion\n");
    if (!lines.isEmpty()) {
      sb.append(content).append('\n');
    }
    sb.append(fence);
    return sb.toString();
  }

  /**
   * A backtick fence of at least three, longer than the longest backtick run in {@code content}.
   */
  public static String fence(String content) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < content.length(); i++) {
      if (content.charAt(i) == '`') {
        run++;
        longest = Math.max(longest, run);
      } else {
        run = 0;
      }
    }
    return "`".repeat(Math.max(3, longest + 1));
  }
}
