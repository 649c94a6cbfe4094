package io.hullcheck.dockerfile;

import static io.hullcheck.dockerfile.DockerfileTesting.at;
import static io.hullcheck.dockerfile.DockerfileTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parser directives: only at the very top, stopping at the first line that is not one. */
class DirectiveTest {

  static Stream<Arguments> directives() {
    return Stream.of(
        // file, directives as name=value@span, active escape, comment texts, problems
        Arguments.of(
            "# syntax=docker/dockerfile:1\nFROM a\n",
            "syntax=docker/dockerfile:1@1:1-1:29",
            '\\',
            "",
            ""),
        Arguments.of("# escape=`\nFROM a\n", "escape=`@1:1-1:11", '`', "", ""),
        Arguments.of("#escape=\\\nFROM a\n", "escape=\\@1:1-1:10", '\\', "", ""),
        Arguments.of("# ESCAPE = `  \nFROM a\n", "escape=`@1:1-1:13", '`', "", ""),
        Arguments.of("  # escape=`\nFROM a\n", "escape=`@1:3-1:13", '`', "", ""),
        Arguments.of(
            "# syntax=x\n# escape=`\n# check=skip=all;error=true\nFROM a\n",
            "syntax=x@1:1-1:11 escape=`@2:1-2:11 check=skip=all;error=true@3:1-3:28",
            '`',
            "",
            ""),
        // anything else ends the directive section for good
        Arguments.of("# a comment\n# escape=`\nFROM a\n", "", '\\', "a comment|escape=`", ""),
        Arguments.of("\n# escape=`\nFROM a\n", "", '\\', "escape=`", ""),
        Arguments.of("FROM a\n# escape=`\n", "", '\\', "escape=`", ""),
        Arguments.of("# unknown=x\n# escape=`\nFROM a\n", "", '\\', "unknown=x|escape=`", ""),
        Arguments.of("# escape=\nFROM a\n", "", '\\', "escape=", ""),
        // a byte order mark takes no column, as in an editor
        Arguments.of("\uFEFF# escape=`\nFROM a\n", "escape=`@1:1-1:11", '`', "", ""),
        // BuildKit refuses these
        Arguments.of(
            "# escape=`\n# escape=\\\nFROM a\n",
            "escape=`@1:1-1:11",
            '`',
            "",
            "2:1-2:11 only one escape parser directive can be used"),
        Arguments.of(
            "# escape=x\nFROM a\n",
            "escape=x@1:1-1:11",
            '\\',
            "",
            "1:10-1:11 invalid escape token 'x': use ` or \\"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("directives")
  void readsDirectives(
      String file, String directives, char escape, String comments, String problems) {
    Dockerfile d = parse(file);
    assertEquals(
        directives,
        d.directives().stream()
            .map(x -> x.name() + "=" + x.value() + "@" + at(x.span()))
            .collect(Collectors.joining(" ")));
    assertEquals(escape, d.escape());
    assertEquals(
        comments, d.comments().stream().map(Comment::text).collect(Collectors.joining("|")));
    assertEquals(problems, DockerfileTesting.problems(d));
  }
}
