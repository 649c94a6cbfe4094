package io.hullcheck.dockerfile;

import static io.hullcheck.dockerfile.DockerfileTesting.at;
import static io.hullcheck.dockerfile.DockerfileTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Heredocs as BuildKit reads them: RUN, COPY and ADD only, bodies after the whole instruction. */
class HeredocTest {

  static Stream<Arguments> heredocs() {
    return Stream.of(
        // file, instruction index, heredocs as delimiter/stripTabs/quoted:body@bodySpan,
        // instruction span, keywords of all instructions
        Arguments.of(
            "FROM a\nRUN <<EOF\necho hi\nEOF\n",
            1,
            "EOF/false/false:echo hi\n@3:1-4:1",
            "2:1-4:4",
            "FROM RUN"),
        Arguments.of(
            "FROM a\nRUN <<-EOF\n\t\techo hi\n\tEOF\n",
            1,
            "EOF/true/false:echo hi\n@3:1-4:1",
            "2:1-4:5",
            "FROM RUN"),
        Arguments.of(
            "FROM a\nRUN <<EOF\n\techo hi\n\tEOF\nEOF\n",
            1,
            "EOF/false/false:\techo hi\n\tEOF\n@3:1-5:1",
            "2:1-5:4",
            "FROM RUN"),
        Arguments.of(
            "FROM a\nRUN <<\"EOF\"\necho $HOME\nEOF\n",
            1,
            "EOF/false/true:echo $HOME\n@3:1-4:1",
            "2:1-4:4",
            "FROM RUN"),
        Arguments.of(
            "FROM a\nRUN <<'EOF' bash\necho\nEOF\n",
            1,
            "EOF/false/true:echo\n@3:1-4:1",
            "2:1-4:4",
            "FROM RUN"),
        Arguments.of(
            "FROM a\nCOPY <<A <<B /dst/\na\nA\nb\nB\nUSER x\n",
            1,
            "A/false/false:a\n@3:1-4:1 B/false/false:b\n@5:1-6:1",
            "2:1-6:2",
            "FROM COPY USER"),
        Arguments.of(
            "FROM a\nRUN <<EOF cat > /x && cat 3<<END\n1\nEOF\n2\nEND\n",
            1,
            "EOF/false/false:1\n@3:1-4:1 END/false/false:2\n@5:1-6:1",
            "2:1-6:4",
            "FROM RUN"),
        // a heredoc opened on a continued line: the body starts after the whole instruction
        Arguments.of(
            "FROM a\nRUN python3 \\\n  <<PY\nprint(1)\nPY\n",
            1,
            "PY/false/false:print(1)\n@4:1-5:1",
            "2:1-5:3",
            "FROM RUN"),
        // instructions and comments right after the terminator
        Arguments.of(
            "FROM a\nRUN <<EOF\n# not a comment\nEOF\n# a comment\nUSER x\n",
            1,
            "EOF/false/false:# not a comment\n@3:1-4:1",
            "2:1-4:4",
            "FROM RUN USER"),
        Arguments.of(
            "FROM a\nRUN <<EOF\nEOF\nUSER x\n",
            1,
            "EOF/false/false:@3:1-3:1",
            "2:1-3:4",
            "FROM RUN USER"),
        Arguments.of(
            "FROM a\r\nRUN <<EOF\r\nx\r\nEOF\r\nUSER y\r\n",
            1,
            "EOF/false/false:x\n@3:1-4:1",
            "2:1-4:4",
            "FROM RUN USER"),
        Arguments.of(
            "FROM a\nONBUILD RUN <<EOF\nx\nEOF\n",
            1,
            "EOF/false/false:x\n@3:1-4:1",
            "2:1-4:4",
            "FROM ONBUILD"),
        // not heredocs: other instructions, exec form, quoted or glued markers, here-strings
        Arguments.of("FROM a\nCMD <<EOF\nUSER x\n", 1, "", "2:1-2:10", "FROM CMD USER"),
        Arguments.of(
            "FROM a\nRUN [\"cat\", \"<<EOF\"]\nUSER x\n", 1, "", "2:1-2:21", "FROM RUN USER"),
        Arguments.of("FROM a\nRUN echo \"<<EOF\"\nUSER x\n", 1, "", "2:1-2:17", "FROM RUN USER"),
        Arguments.of("FROM a\nRUN cat<<EOF\nUSER x\n", 1, "", "2:1-2:13", "FROM RUN USER"),
        Arguments.of("FROM a\nRUN cat <<<x\nUSER x\n", 1, "", "2:1-2:13", "FROM RUN USER"),
        Arguments.of("FROM a\nRUN x <<\nUSER x\n", 1, "", "2:1-2:9", "FROM RUN USER"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("heredocs")
  void readsHeredocs(String file, int index, String heredocs, String span, String keywords) {
    Dockerfile d = parse(file);
    Instruction ins = d.instructions().get(index);
    List<Heredoc> docs = ins.onbuild() != null ? ins.onbuild().heredocs() : ins.heredocs();
    assertEquals(docs, ins.heredocs());
    assertEquals(
        heredocs,
        docs.stream()
            .map(
                h ->
                    h.delimiter()
                        + "/"
                        + h.stripTabs()
                        + "/"
                        + h.quoted()
                        + ":"
                        + h.body()
                        + "@"
                        + at(h.bodySpan()))
            .collect(Collectors.joining(" ")));
    assertEquals(span, at(ins.span()));
    assertEquals(
        keywords,
        d.instructions().stream().map(Instruction::keyword).collect(Collectors.joining(" ")));
    assertEquals("", DockerfileTesting.problems(d));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("heredocs")
  void heredocSpanEndsAtTerminator(String file, int index) {
    Dockerfile d = parse(file);
    Instruction ins = d.instructions().get(index);
    for (Heredoc h : ins.heredocs()) {
      String terminatorLine = d.source().lineText(h.span().endLine());
      assertEquals(h.stripTabs() ? terminatorLine.stripLeading() : terminatorLine, h.delimiter());
      assertEquals(h.span().endOffset(), d.source().lineContentEnd(h.span().endLine()));
    }
  }
}
