package io.hullcheck.conformance;

import io.hullcheck.conformance.Labels.Sample;
import io.hullcheck.dockerfile.DockerfileParser;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.engine.FileKind;
import io.hullcheck.model.SourceFile;

/**
 * Which lines belong to the element that starts at a line: for a Dockerfile, the instruction
 * covering it (continuation lines included); for YAML, the entry there and everything indented
 * deeper below it.
 */
final class Elements {
  private Elements() {}

  /** Whether one line's element holds the other. */
  static boolean related(Sample s, int a, int b) {
    return holds(s, a, b) || holds(s, b, a);
  }

  static boolean holds(Sample s, int start, int line) {
    if (line < start) {
      return false;
    }
    return s.kind() == FileKind.DOCKERFILE
        ? sameInstruction(s, start, line)
        : underEntry(s, start, line);
  }

  private static boolean sameInstruction(Sample s, int start, int line) {
    for (Instruction i :
        DockerfileParser.parse(new SourceFile(s.name(), s.text())).instructions()) {
      if (i.span().startLine() <= start && start <= i.span().endLine()) {
        return line <= i.span().endLine();
      }
    }
    return false;
  }

  private static boolean underEntry(Sample s, int start, int line) {
    String[] lines = s.text().split("\n", -1);
    if (start > lines.length || line > lines.length) {
      return false;
    }
    int indent = indent(lines[start - 1]);
    for (int k = start + 1; k <= line; k++) {
      String text = lines[k - 1];
      String t = text.strip();
      if (!t.isEmpty() && !t.startsWith("#") && indent(text) <= indent) {
        return false;
      }
    }
    return true;
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
