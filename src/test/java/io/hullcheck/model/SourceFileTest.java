package io.hullcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each row: a text ({@code \n}, {@code \r} and {@code <BOM>} spelled out), an offset, and the
 * line:column it is at. Every position converts back to its offset, except the byte order mark's
 * own, which shares column 1 with the character after it.
 */
class SourceFileTest {

  @ParameterizedTest(name = "{0} @{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "FROM a|0|1:1",
        "FROM a|5|1:6",
        "a\\nbc|3|2:2",
        "a\\r\\nbc|4|2:2",
        "a\\rbc|2|2:1",
        "<BOM>FROM a|1|1:1",
        "<BOM>FROM a|6|1:6",
        "<BOM>a\\nbc|4|2:2",
      })
  void convertsOffsetsToLinesAndColumns(String spelled, int offset, String at) {
    String text = spelled.replace("<BOM>", "\uFEFF").replace("\\r", "\r").replace("\\n", "\n");
    SourceFile source = new SourceFile("Dockerfile", text);
    int line = source.lineOf(offset);
    int column = source.columnOf(offset);
    assertEquals(at, line + ":" + column);
    assertEquals(offset, source.offsetOf(line, column), "back to the offset");
  }
}
