package io.hullcheck.dockerfile;

import io.hullcheck.model.SourceFile;
import io.hullcheck.model.Span;
import java.util.List;
import java.util.stream.Collectors;

/** Small helpers that keep the parser test tables readable. */
final class DockerfileTesting {
  private DockerfileTesting() {}

  static Dockerfile parse(String text) {
    return DockerfileParser.parse(new SourceFile("Dockerfile", text));
  }

  /** The single instruction after a leading {@code FROM scratch} line, or the first one. */
  static Instruction last(String text) {
    List<Instruction> all = parse(text).instructions();
    return all.get(all.size() - 1);
  }

  /** {@code line:col-line:col}, 1-based, end exclusive. */
  static String at(Span s) {
    return s.startLine() + ":" + s.startColumn() + "-" + s.endLine() + ":" + s.endColumn();
  }

  /** Word values joined by {@code |}. */
  static String values(List<Word> words) {
    return words.stream().map(Word::value).collect(Collectors.joining("|"));
  }

  static String raws(List<Word> words) {
    return words.stream().map(Word::raw).collect(Collectors.joining("|"));
  }

  static String spans(List<Word> words) {
    return words.stream().map(w -> at(w.span())).collect(Collectors.joining(" "));
  }

  static String problems(Dockerfile d) {
    return d.problems().stream()
        .map(p -> at(p.span()) + " " + p.message())
        .collect(Collectors.joining("; "));
  }
}
