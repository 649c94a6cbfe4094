package io.hullcheck.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
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

  /**
   * Each row: bytes in hex, and the text they decode to ({@code \n} spelled out). UTF-8 where the
   * bytes are UTF-8; else one char per byte, so that encoding the text as ISO-8859-1 gives the same
   * bytes back.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "46524f4d20610a|FROM a\\n",
        "2320c3bc0a|# \u00fc\\n", // UTF-8 u-umlaut
        "2320fc0a|# \u00fc\\n", // Latin-1 u-umlaut
        "2320c3280a|# \u00c3(\\n", // a broken UTF-8 sequence
        "efbbbf41|\ufeffA", // a byte order mark stays for the parser to skip
      })
  void decodesUtf8ElseOneCharPerByte(String hex, String expected) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    String want = expected.replace("\\n", "\n");
    String text = SourceFile.decode(bytes);
    assertEquals(want, text);
    if (!SourceFile.isUtf8(bytes)) {
      assertArrayEquals(bytes, text.getBytes(StandardCharsets.ISO_8859_1), "the bytes come back");
    }
  }
}
