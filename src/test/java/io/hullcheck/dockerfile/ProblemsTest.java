package io.hullcheck.dockerfile;

import static io.hullcheck.dockerfile.DockerfileTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed input becomes positioned problems, never an exception, and the rest of the file is
 * still modelled.
 */
class ProblemsTest {

  static Stream<Arguments> problems() {
    return Stream.of(
        // file, problems as span + message, keywords of the instructions still modelled
        Arguments.of("", "1:1-1:1 file with no instructions", ""),
        Arguments.of("# only\n# comments\n\n", "1:1-1:7 file with no instructions", ""),
        Arguments.of(
            "FROM a\nFOO bar\nRUN x\n", "2:1-2:4 unknown instruction: FOO", "FROM FOO RUN"),
        Arguments.of(
            "RUN x\nFROM a\n",
            "1:1-1:4 RUN before the first FROM: only ARG may come before it",
            "RUN FROM"),
        Arguments.of(
            "ARG V=1\nRUN x\n",
            "2:1-2:4 no FROM instruction: the Dockerfile has no build stage",
            "ARG RUN"),
        Arguments.of(
            "ARG V=1\n", "1:1-1:4 no FROM instruction: the Dockerfile has no build stage", "ARG"),
        Arguments.of("FROM\nRUN x\n", "1:1-1:5 FROM requires at least one argument", "FROM RUN"),
        Arguments.of(
            "FROM --platform=linux/amd64\n", "1:1-1:5 FROM requires at least one argument", "FROM"),
        Arguments.of(
            "FROM a b\n",
            "1:6-1:9 FROM requires either one or three arguments: FROM image [AS name]",
            "FROM"),
        Arguments.of(
            "FROM a IS b\n",
            "1:8-1:10 when using FROM with three arguments, the second argument must be AS",
            "FROM"),
        Arguments.of(
            "FROM a AS 1st\n",
            "1:11-1:14 invalid name for build stage: \"1st\", name can't start with a number or"
                + " contain symbols",
            "FROM"),
        Arguments.of(
            "ARG TAG\nFROM ${UNDECLARED}\nFROM img:$TAG\n",
            "2:6-2:19 base name (${UNDECLARED}) should not be blank",
            "ARG FROM FROM"),
        Arguments.of(
            "FROM a\nRUN <<EOF\nnever closed\n",
            "2:5-2:10 unterminated heredoc: no line EOF closes it",
            "FROM RUN"),
        Arguments.of(
            "FROM a\n\\",
            "2:1-2:2 line continuation at end of file with nothing to continue",
            "FROM"),
        Arguments.of("FROM a\nENV PATH\n", "2:5-2:9 ENV must have two arguments", "FROM ENV"),
        Arguments.of(
            "FROM a\nENV A=1 B\n",
            "2:9-2:10 can't find = in \"B\"; ENV must be of the form: name=value",
            "FROM ENV"),
        Arguments.of("FROM a\nENV =1\n", "2:5-2:7 ENV names can not be blank", "FROM ENV"),
        Arguments.of("FROM a\nENV\n", "2:1-2:4 ENV requires at least one argument", "FROM ENV"),
        Arguments.of("FROM a\nARG\n", "2:1-2:4 ARG requires at least one argument", "FROM ARG"),
        Arguments.of(
            "FROM a\nCMD [ \"echo\", [ \"nested json\" ] ]\n",
            "2:5-2:34 when using JSON array syntax, arrays can only contain strings",
            "FROM CMD"),
        Arguments.of(
            "FROM a\nCMD [1, null]\n",
            "2:5-2:14 when using JSON array syntax, arrays can only contain strings",
            "FROM CMD"),
        Arguments.of(
            "FROM a\nSHELL /bin/sh -c\n",
            "2:7-2:17 SHELL requires the arguments to be in JSON form",
            "FROM SHELL"),
        Arguments.of(
            "FROM a\nONBUILD ONBUILD RUN x\n",
            "2:9-2:16 chaining ONBUILD via ONBUILD ONBUILD isn't allowed",
            "FROM ONBUILD"),
        Arguments.of(
            "FROM a\nONBUILD FROM b\n",
            "2:9-2:13 FROM isn't allowed as an ONBUILD trigger",
            "FROM ONBUILD"),
        Arguments.of(
            "FROM a\nONBUILD\n", "2:1-2:8 ONBUILD requires at least one argument", "FROM ONBUILD"),
        // still modelled after the problem: the next instructions and stages are there
        Arguments.of(
            "FROM a\nBOGUS\nFROM b AS c\nUSER x\n",
            "2:1-2:6 unknown instruction: BOGUS",
            "FROM BOGUS FROM USER"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("problems")
  void reportsProblems(String file, String problems, String keywords) {
    Dockerfile d = parse(file);
    assertEquals(problems, DockerfileTesting.problems(d));
    assertEquals(
        keywords,
        d.instructions().stream().map(Instruction::keyword).collect(Collectors.joining(" ")));
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        // BuildKit builds these: no problem
        Arguments.of("FROM a\nRUN x \\"),
        Arguments.of("FROM a\nRUN x \\\n\n"),
        Arguments.of("FROM a\nCOPY --unknown-flag=1 a b\n"),
        Arguments.of("FROM a AS b\nFROM a AS b\n"),
        Arguments.of("FROM a\nCMD\nENTRYPOINT\nRUN\n"),
        Arguments.of("FROM a\nHEALTHCHECK CMD\n"),
        Arguments.of("FROM a\nCMD ['single', 'quotes']\n"),
        Arguments.of("FROM a\nENV A=\"\" B=''\n"),
        Arguments.of("ARG A\nARG B=1\nFROM a\n"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("accepted")
  void acceptsWhatBuildKitBuilds(String file) {
    assertEquals("", DockerfileTesting.problems(parse(file)));
  }
}
