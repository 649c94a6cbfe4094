package io.hullcheck.dockerfile;

import static io.hullcheck.dockerfile.DockerfileTesting.last;
import static io.hullcheck.dockerfile.DockerfileTesting.raws;
import static io.hullcheck.dockerfile.DockerfileTesting.spans;
import static io.hullcheck.dockerfile.DockerfileTesting.values;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JSON (exec) form versus shell form, as BuildKit decides it, with word values and spans. */
class ExecShellFormTest {

  static Stream<Arguments> forms() {
    return Stream.of(
        // instruction line, exec form?, word values joined by |, argText
        Arguments.of("CMD [\"a\", \"b c\"]", true, "a|b c", "[\"a\", \"b c\"]"),
        Arguments.of("ENTRYPOINT [\"/bin/sh\",\"-c\"]", true, "/bin/sh|-c", null),
        Arguments.of("RUN [ ]", true, "", "[ ]"),
        Arguments.of("RUN []", true, "", "[]"),
        Arguments.of("CMD [\"\\u0041\\n\\\"x\\\\\"]", true, "A\n\"x\\", null),
        Arguments.of("CMD [\"\\/usr\\\\\\\"/bin/znc\", \"-f\"]", true, "/usr\\\"/bin/znc|-f", null),
        // Go's decoder reads the first value and ignores what follows it
        Arguments.of("CMD [\"a\"] trailing", true, "a", "[\"a\"] trailing"),
        // malformed JSON is shell form
        Arguments.of("CMD ['a', 'b']", false, "[a,|b]", null),
        Arguments.of("CMD [\"a\", \"b\"", false, "[a,|b", null),
        Arguments.of("CMD [\"unterminated]", false, "[unterminated]", null),
        Arguments.of("CMD [\"a\" \"b\"]", false, "[a|b]", null),
        Arguments.of("CMD [\"echo\", \"{\\\"a\\\": 1}\"]", true, "echo|{\"a\": 1}", null),
        // shell form: quotes respected and removed, escapes resolved
        Arguments.of("RUN echo \"a b\" 'c d' e\\ f", false, "echo|a b|c d|e f", null),
        Arguments.of("RUN echo \"x\\\"y\" '\\n'", false, "echo|x\"y|\\n", null),
        Arguments.of("COPY src dest/", false, "src|dest/", "src dest/"),
        Arguments.of("COPY [\"src\", \"dest/\"]", true, "src|dest/", null),
        Arguments.of("VOLUME [\"/data\"]", true, "/data", null),
        Arguments.of("VOLUME /a /b", false, "/a|/b", null),
        Arguments.of("EXPOSE 80/tcp 443", false, "80/tcp|443", null),
        // only RUN/CMD/ENTRYPOINT/SHELL/ADD/COPY/VOLUME take JSON
        Arguments.of("USER [\"root\"]", false, "[root]", null),
        Arguments.of("HEALTHCHECK CMD [\"curl\", \"-f\"]", true, "CMD|curl|-f", null),
        Arguments.of("HEALTHCHECK --interval=5s CMD curl -f x", false, "CMD|curl|-f|x", null),
        Arguments.of("HEALTHCHECK NONE", false, "NONE", "NONE"),
        Arguments.of("run   echo   hi  ", false, "echo|hi", "echo   hi"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("forms")
  void readsForm(String line, boolean exec, String words, String argText) {
    Instruction ins = last("FROM scratch\n" + line + "\n");
    assertEquals(exec, ins.execForm(), "exec form");
    assertEquals(words, values(ins.args()));
    if (argText != null) {
      assertEquals(argText, ins.argText());
    }
  }

  static Stream<Arguments> wordSpans() {
    return Stream.of(
        // line, raw words, their spans (line 2 after FROM)
        Arguments.of("CMD [\"a\", \"bc\"]", "\"a\"|\"bc\"", "2:6-2:9 2:11-2:15"),
        Arguments.of("RUN echo \"a b\" c", "echo|\"a b\"|c", "2:5-2:9 2:10-2:15 2:16-2:17"),
        Arguments.of("RUN echo a\\\n  b", "echo|a|b", "2:5-2:9 2:10-2:11 3:3-3:4"),
        Arguments.of("RUN ab\\\ncd", "abcd", "2:5-3:3"),
        Arguments.of("CMD [\"a\", \\\n  \"b\"]", "\"a\"|\"b\"", "2:6-2:9 3:3-3:6"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("wordSpans")
  void wordsKeepExactSpans(String line, String raw, String expectedSpans) {
    Instruction ins = last("FROM scratch\n" + line + "\n");
    assertEquals(raw, raws(ins.args()));
    assertEquals(expectedSpans, spans(ins.args()));
  }
}
