package io.hullcheck.rules.support;

import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.TextEdit;

/**
 * Text edits that add a whole line next to an instruction, keeping the file's indentation, line
 * endings and final newline (or its absence). Pure.
 */
public final class LineEdits {
  private LineEdits() {}

  /** Inserts {@code line} as a new line just above {@code at}, indented like {@code at}. */
  public static TextEdit insertBefore(SourceFile source, Instruction at, String line) {
    int lineStart = source.lineStart(at.span().startLine());
    return TextEdit.insert(lineStart, indentOf(source, at) + line + source.lineEnding());
  }

  /**
   * Inserts {@code line} as a new line just below {@code after} (below its last continuation line
   * or heredoc terminator), indented like {@code after}. At the end of a file without a final
   * newline the file still ends without one.
   */
  public static TextEdit insertAfter(SourceFile source, Instruction after, String line) {
    int end = after.span().endOffset();
    int lastLine = source.lineOf(Math.max(after.span().startOffset(), end - 1));
    int at = source.lineContentEnd(lastLine);
    return TextEdit.insert(at, source.lineEnding() + indentOf(source, after) + line);
  }

  /** The whitespace before the instruction's keyword on its line. */
  public static String indentOf(SourceFile source, Instruction ins) {
    int lineStart = source.lineStart(ins.keywordSpan().startLine());
    int kw = ins.keywordSpan().startOffset();
    String prefix = source.text().substring(lineStart, Math.max(lineStart, kw));
    return prefix.isBlank() ? prefix : "";
  }
}
