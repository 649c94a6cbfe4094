package io.hullcheck.dockerfile;

import static io.hullcheck.dockerfile.DockerfileTesting.at;
import static io.hullcheck.dockerfile.DockerfileTesting.last;
import static io.hullcheck.dockerfile.DockerfileTesting.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ONBUILD with its trigger parsed as a full instruction, and case-insensitive keywords. */
class OnbuildTest {

  static Stream<Arguments> triggers() {
    return Stream.of(
        // line, trigger keyword, trigger keyword span, flags, word values, exec, trigger span
        Arguments.of("ONBUILD RUN echo hi", "RUN", "2:9-2:12", "", "echo|hi", false, "2:9-2:20"),
        Arguments.of(
            "onbuild copy --from=b a /b", "COPY", "2:9-2:13", "from=b", "a|/b", false, "2:9-2:27"),
        Arguments.of("ONBUILD CMD [\"x\"]", "CMD", "2:9-2:12", "", "x", true, "2:9-2:18"),
        Arguments.of("ONBUILD \\\n  ENV A=1", "ENV", "3:3-3:6", "", "A=1", false, "3:3-3:10"),
        Arguments.of(
            "ONBUILD HEALTHCHECK NONE", "HEALTHCHECK", "2:9-2:20", "", "NONE", false, "2:9-2:25"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("triggers")
  void parsesTrigger(
      String line,
      String keyword,
      String keywordSpan,
      String flags,
      String words,
      boolean exec,
      String span) {
    Instruction ins = last("FROM a\n" + line + "\n");
    assertEquals("ONBUILD", ins.keyword());
    Instruction trigger = ins.onbuild();
    assertEquals(keyword, trigger.keyword());
    assertEquals(keywordSpan, at(trigger.keywordSpan()));
    assertEquals(
        flags,
        trigger.flags().stream()
            .map(f -> f.name() + "=" + f.value())
            .collect(Collectors.joining(" ")));
    assertEquals(words, values(trigger.args()));
    assertEquals(exec, trigger.execForm());
    assertEquals(span, at(trigger.span()));
    assertEquals(0, trigger.stageIndex());
    assertNull(trigger.onbuild());
  }

  @Test
  void triggerPairsAreNotDeclaredInTheStage() {
    Dockerfile d = DockerfileTesting.parse("FROM a\nONBUILD ENV X=1\nRUN x\n");
    Instruction run = d.instructions().get(2);
    assertEquals("1", d.instructions().get(1).onbuild().keyValue("X").orElseThrow().value());
    assertEquals("?", d.stages().get(0).scope().variable("X", run).orElse("?"));
  }

  static Stream<Arguments> keywords() {
    return Stream.of(
        Arguments.of("from a\nrun x\n", "FROM RUN"),
        Arguments.of("From a\nWorkDir /x\nHealthCheck none\n", "FROM WORKDIR HEALTHCHECK"),
        Arguments.of(
            "FROM a\nsTopSiGnAl SIGTERM\nmaintainer me\nshell [\"sh\"]\n",
            "FROM STOPSIGNAL MAINTAINER SHELL"),
        Arguments.of(
            "FROM a\nentrypoint x\nexpose 1\nlabel a=b\nvolume /v\nuser u\nadd a b\n",
            "FROM ENTRYPOINT EXPOSE LABEL VOLUME USER ADD"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("keywords")
  void keywordsAreCaseInsensitive(String file, String keywords) {
    Dockerfile d = DockerfileTesting.parse(file);
    assertEquals(
        keywords,
        d.instructions().stream().map(Instruction::keyword).collect(Collectors.joining(" ")));
    assertEquals("", DockerfileTesting.problems(d));
  }
}
