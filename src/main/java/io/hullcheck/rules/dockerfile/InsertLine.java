package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.TextEdit;
import io.hullcheck.rules.support.LineEdits;
import java.util.List;
import java.util.Optional;

/** Where the fixes of the final-stage rules put a new line. Package-private helper. */
final class InsertLine {
  private InsertLine() {}

  /**
   * Inserts {@code line} just above the stage's first CMD or ENTRYPOINT, so it takes effect for the
   * container's start but after the build steps. When the stage has no CMD/ENTRYPOINT, or one of
   * {@code mustStayBefore} comes after it (a RUN or USER written after CMD), the line goes at the
   * end of the stage instead.
   */
  static Optional<TextEdit> beforeStart(
      SourceFile source, Stage stage, String line, String... mustStayBefore) {
    List<Instruction> ins = stage.instructions();
    int start = -1;
    for (int i = 0; i < ins.size(); i++) {
      if (ins.get(i).is("CMD") || ins.get(i).is("ENTRYPOINT")) {
        start = i;
        break;
      }
    }
    boolean laterBlocker = false;
    for (int i = Math.max(start, 0); start >= 0 && i < ins.size(); i++) {
      for (String kw : mustStayBefore) {
        laterBlocker |= ins.get(i).is(kw);
      }
    }
    if (start >= 0 && !laterBlocker) {
      return Optional.of(LineEdits.insertBefore(source, ins.get(start), line));
    }
    Instruction lastOfStage = ins.isEmpty() ? stage.from() : ins.get(ins.size() - 1);
    return Optional.of(LineEdits.insertAfter(source, lastOfStage, line));
  }
}
