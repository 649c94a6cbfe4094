package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.TextEdit;

/** Fixes that delete an instruction's whole lines. Package-private helper. */
final class RemoveLines {
  private RemoveLines() {}

  /**
   * Deletes the lines of {@code ins}: its first line through its last continuation line or heredoc
   * terminator, with their line breaks. At the end of a file without a final newline, the line
   * break before the instruction goes instead, so the file still ends without one.
   */
  static TextEdit of(SourceFile source, Instruction ins) {
    int first = ins.span().startLine();
    int end = ins.span().endOffset();
    int last = source.lineOf(Math.max(ins.span().startOffset(), end - 1));
    int start = source.lineStart(first);
    if (last < source.lineCount()) {
      return TextEdit.delete(start, source.lineStart(last + 1));
    }
    int contentEnd = source.text().length();
    if (source.endsWithNewline() || first == 1) {
      return TextEdit.delete(start, contentEnd);
    }
    return TextEdit.delete(source.lineContentEnd(first - 1), contentEnd);
  }
}
