package io.hullcheck.dockerfile;

import static io.hullcheck.dockerfile.DockerfileTesting.at;
import static io.hullcheck.dockerfile.DockerfileTesting.parse;
import static io.hullcheck.dockerfile.DockerfileTesting.spans;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact spans: instruction, keyword, arguments and words, on LF, CRLF, backtick-escaped and
 * indented files. A span's text must be exactly what the user sees at that place.
 */
class SpanTest {

  static Stream<Arguments> spansOf() {
    return Stream.of(
        // file, instruction index, span, keyword span, arg span, word spans
        Arguments.of(
            "FROM a\nRUN echo hi\n", 1, "2:1-2:12", "2:1-2:4", "2:5-2:12", "2:5-2:9 2:10-2:12"),
        Arguments.of(
            "FROM a\r\nRUN echo hi\r\n", 1, "2:1-2:12", "2:1-2:4", "2:5-2:12", "2:5-2:9 2:10-2:12"),
        Arguments.of(
            "FROM a\r\nRUN echo \\\r\n    hi\r\nUSER x\r\n",
            1,
            "2:1-3:7",
            "2:1-2:4",
            "2:5-3:7",
            "2:5-2:9 3:5-3:7"),
        Arguments.of(
            "FROM a\n   RUN   echo hi   \n",
            1,
            "2:4-2:17",
            "2:4-2:7",
            "2:10-2:17",
            "2:10-2:14 2:15-2:17"),
        Arguments.of("\tFROM a\n", 0, "1:2-1:8", "1:2-1:6", "1:7-1:8", "1:7-1:8"),
        Arguments.of(
            "# escape=`\nFROM a\nRUN dir C:\\ `\n  && echo\n",
            1,
            "3:1-4:10",
            "3:1-3:4",
            "3:5-4:10",
            "3:5-3:8 3:9-3:12 4:3-4:5 4:6-4:10"),
        Arguments.of(
            "# escape=`\r\nFROM a\r\nCOPY a `\r\n  b\r\n",
            1,
            "3:1-4:4",
            "3:1-3:5",
            "3:6-4:4",
            "3:6-3:7 4:3-4:4"),
        Arguments.of("FROM a\nUSER\n", 1, "2:1-2:5", "2:1-2:5", "2:5-2:5", ""),
        Arguments.of("FROM a\nCOPY --link\n", 1, "2:1-2:12", "2:1-2:5", "2:12-2:12", ""),
        Arguments.of(
            "FROM a\nRUN x \\\n# c\n  y\n", 1, "2:1-4:4", "2:1-2:4", "2:5-4:4", "2:5-2:6 4:3-4:4"),
        // no continuation: the JSON is cut at the line end and becomes shell form
        Arguments.of(
            "FROM a\nCMD [\"a\",\r\nUSER b\r\n", 1, "2:1-2:10", "2:1-2:4", "2:5-2:10", "2:5-2:10"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("spansOf")
  void spansAreExact(
      String file, int index, String span, String keyword, String args, String words) {
    Dockerfile d = parse(file);
    Instruction ins = d.instructions().get(index);
    assertEquals(span, at(ins.span()));
    assertEquals(keyword, at(ins.keywordSpan()));
    assertEquals(args, at(ins.argSpan()));
    assertEquals(words, spans(ins.args()));
    for (Word w : ins.args()) {
      String source = d.source().slice(w.span());
      if (w.span().startLine() == w.span().endLine()) {
        assertEquals(w.raw(), source, "a single-line word's span holds its raw text");
      }
    }
    assertEquals(
        ins.keyword(), d.source().slice(ins.keywordSpan()).toUpperCase(java.util.Locale.ROOT));
  }
}
