package io.hullcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineEndingsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "LF kept                 | a\\nb\\n     | a\\nx\\nb\\n | true",
        "CRLF kept               | a\\r\\nb\\r\\n | a\\r\\nx\\r\\nb\\r\\n | true",
        "LF into CRLF            | a\\r\\nb\\r\\n | a\\r\\nx\\nb\\r\\n | false",
        "CRLF into LF            | a\\nb\\n     | a\\r\\nb\\n | false",
        "final newline dropped   | a\\nb\\n     | a\\nb | false",
        "final newline added     | a\\nb       | a\\nb\\n | false",
        "one line gets LF        | a          | x\\na | true",
        "one line gets mixed     | a          | x\\ny\\r\\na | false",
      })
  void judgesLineEndings(String name, String before, String after, boolean kept) {
    assertEquals(kept, LineEndings.kept(unescape(before), unescape(after)));
  }

  private static String unescape(String s) {
    return s.replace("\\n", "\n").replace("\\r", "\r");
  }
}
