package io.hullcheck.dockerfile;

import static io.hullcheck.dockerfile.DockerfileTesting.at;
import static io.hullcheck.dockerfile.DockerfileTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Line continuations with the active escape char: joined argText, exact instruction spans, comment
 * and blank lines inside a continuation, a trailing escape at end of file.
 */
class ContinuationTest {

  static Stream<Arguments> continuations() {
    return Stream.of(
        // whole file, index of instruction, argText, instruction span, comments seen
        Arguments.of("FROM a\nRUN x \\\n  y\n", 1, "x   y", "2:1-3:4", ""),
        Arguments.of("FROM a\nRUN x\\\ny\n", 1, "xy", "2:1-3:2", ""),
        Arguments.of("FROM a\nRUN x \\   \n  y\n", 1, "x   y", "2:1-3:4", ""),
        Arguments.of("FROM a\nRUN x \\\n# note\n  y\n", 1, "x   y", "2:1-4:4", "note"),
        Arguments.of(
            "FROM a\nRUN x \\\n    # indented note\n  y\n", 1, "x   y", "2:1-4:4", "indented note"),
        Arguments.of("FROM a\nRUN x \\\n\n\n  y\n", 1, "x   y", "2:1-5:4", ""),
        Arguments.of("FROM a\nRUN x \\\n \t \n  y\n", 1, "x   y", "2:1-4:4", ""),
        Arguments.of("FROM a\nRUN x \\", 1, "x", "2:1-2:8", ""),
        Arguments.of("FROM a\nRUN x \\\n", 1, "x", "2:1-2:8", ""),
        Arguments.of("FROM a\nRUN x \\\n# only a comment", 1, "x", "2:1-2:8", "only a comment"),
        // an escaped escape at the end is no continuation
        Arguments.of("FROM a\nENV C trailing\\\\\nENV D d\n", 1, "C trailing\\\\", "2:1-2:17", ""),
        Arguments.of("FROM a\nENV E hello\\\n\\\nworld\n", 1, "E helloworld", "2:1-4:6", ""),
        Arguments.of("FROM a\nENV F hello\\\n \\\nworld\n", 1, "F hello world", "2:1-4:6", ""),
        // CRLF line ends
        Arguments.of("FROM a\r\nRUN x \\\r\n  y\r\n", 1, "x   y", "2:1-3:4", ""),
        // backtick escape: backslash is literal, backtick continues
        Arguments.of(
            "# escape=`\nFROM a\nRUN dir c:\\ `\n  /s\n", 1, "dir c:\\   /s", "3:1-4:5", ""),
        Arguments.of("# escape=`\nFROM a\nRUN x \\\nRUN y\n", 2, "y", "4:1-4:6", ""));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("continuations")
  void joinsContinuations(String file, int index, String argText, String span, String comments) {
    Dockerfile d = parse(file);
    Instruction ins = d.instructions().get(index);
    assertEquals(argText, ins.argText());
    assertEquals(span, at(ins.span()));
    assertEquals(
        comments, d.comments().stream().map(Comment::text).collect(Collectors.joining("|")));
    assertEquals("", DockerfileTesting.problems(d));
  }
}
