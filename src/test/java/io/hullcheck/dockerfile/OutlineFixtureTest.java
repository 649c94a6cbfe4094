package io.hullcheck.dockerfile;

import static io.hullcheck.dockerfile.DockerfileTesting.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hullcheck.model.ParseProblem;
import io.hullcheck.model.SourceFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Whole-file fixtures: each {@code src/test/resources/dockerfile/<name>.Dockerfile} is parsed and
 * its outline (every instruction, flag, word, pair, heredoc, stage and problem with exact spans)
 * must equal {@code <name>.outline}. Run with {@code -Dhullcheck.writeOutlines=true} to rewrite the
 * outlines after a deliberate change, then review the diff.
 */
class OutlineFixtureTest {

  @TestFactory
  Stream<DynamicTest> outlinesMatch() throws IOException, URISyntaxException {
    Path dir = Path.of(OutlineFixtureTest.class.getResource("/dockerfile").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".Dockerfile"))
          .sorted()
          .toList()
          .stream()
          .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }
  }

  private static void check(Path fixture) throws IOException {
    String text = new String(Files.readAllBytes(fixture), StandardCharsets.UTF_8);
    Dockerfile d = DockerfileParser.parse(new SourceFile(fixture.getFileName().toString(), text));
    SpanInvariants.check(d);
    String actual = outline(d);
    String name = fixture.getFileName().toString().replace(".Dockerfile", ".outline");
    if (Boolean.getBoolean("hullcheck.writeOutlines")) {
      Path source = Path.of("src/test/resources/dockerfile", name);
      Files.writeString(source, actual);
    }
    Path expected = fixture.resolveSibling(name);
    assertEquals(Files.readString(expected), actual, name);
  }

  static String outline(Dockerfile d) {
    StringBuilder sb = new StringBuilder();
    sb.append("escape ").append(d.escape()).append('\n');
    for (Directive x : d.directives()) {
      sb.append("directive ").append(x.name()).append('=').append(x.value());
      sb.append(" @").append(at(x.span())).append('\n');
    }
    for (Instruction ins : d.instructions()) {
      instruction(sb, ins, "");
    }
    for (Stage s : d.stages()) {
      sb.append("stage ").append(s.index()).append(" image=").append(s.image());
      sb.append(" alias=").append(s.alias());
      sb.append(" resolved=").append(s.resolvedImage().orElse("<unknown>"));
      sb.append(" parent=").append(s.parent() == null ? "-" : s.parent().index());
      sb.append(" instructions=").append(s.instructions().size()).append('\n');
    }
    for (Comment c : d.comments()) {
      sb.append("comment ").append(c.text()).append(" @").append(at(c.span())).append('\n');
    }
    for (ParseProblem p : d.problems()) {
      sb.append("problem ").append(p.message()).append(" @").append(at(p.span())).append('\n');
    }
    return sb.toString();
  }

  private static void instruction(StringBuilder sb, Instruction ins, String indent) {
    sb.append(indent).append(ins.keyword()).append(" @").append(at(ins.span()));
    sb.append(" stage=").append(ins.stageIndex());
    sb.append(ins.execForm() ? " exec" : " shell");
    sb.append(" args@").append(at(ins.argSpan())).append(" [").append(ins.argText()).append("]\n");
    for (Flag f : ins.flags()) {
      sb.append(indent).append("  flag ").append(f.name()).append('=').append(f.value());
      sb.append(" @").append(at(f.span())).append('\n');
    }
    for (Word w : ins.args()) {
      sb.append(indent).append("  word ").append(w.value()).append(" raw=").append(w.raw());
      sb.append(" @").append(at(w.span())).append('\n');
    }
    for (KeyValue kv : ins.keyValues()) {
      sb.append(indent).append("  pair ").append(kv.key()).append('=').append(kv.value());
      sb.append(" @").append(at(kv.span())).append('\n');
    }
    for (Heredoc h : ins.heredocs()) {
      sb.append(indent).append("  heredoc ").append(h.delimiter());
      sb.append(h.stripTabs() ? " strip" : "").append(h.quoted() ? " quoted" : "");
      sb.append(" body@").append(at(h.bodySpan())).append(" @").append(at(h.span()));
      sb.append(" [").append(h.body().replace("\n", "\\n").replace("\t", "\\t")).append("]\n");
    }
    if (ins.onbuild() != null) {
      instruction(sb, ins.onbuild(), indent + "  trigger ");
    }
  }
}
