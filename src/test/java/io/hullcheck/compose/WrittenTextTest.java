package io.hullcheck.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WrittenTextTest {

  /** What the file itself writes, whatever the environment; defaults as name:start-end. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "plain text             | plain text    | ''",
        "$V                     | ''            | ''",
        "${V}                   | ''            | ''",
        "x$V.y                  | x.y           | ''",
        "${V:-d}                | d             | V:0-1",
        "${V-d}                 | d             | V-0-1",
        "${V:-}                 | ''            | V:0-0",
        "${V:+r}                | r             | ''",
        "${V+r}                 | r             | ''",
        "${V:?say this}         | ''            | ''",
        "${V?say this}          | ''            | ''",
        "a${V:-bc}d             | abcd          | V:1-3",
        "${A:-${B:-x}}y         | xy            | A:0-1",
        "${A:-p}:${B-q}         | p:q           | A:0-1 B-2-3",
        "$$                     | $             | ''",
        "$${V:-d}               | ${V:-d}       | ''",
        "${A:-$$x}              | $x            | A:0-2",
        "cost 5$                | cost 5$       | ''",
        "${unclosed             | ${unclosed    | ''",
        "${1bad}x               | ${1bad}x      | ''",
      })
  void reads(String raw, String text, String defaults) {
    WrittenText written = WrittenText.of(raw);
    assertEquals(text, written.text());
    assertEquals(defaults, describe(written.defaults()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"${V:-d}|0|7", "x ${V-dd} y|2|9", "${A:-${B:-x}}|0|13"})
  void placesDefaultsInTheRawText(String raw, int rawStart, int rawEnd) {
    WrittenText.Default d = WrittenText.of(raw).defaults().get(0);
    assertEquals(List.of(rawStart, rawEnd), List.of(d.rawStart(), d.rawEnd()));
  }

  private static String describe(List<WrittenText.Default> defaults) {
    return String.join(
        " ",
        defaults.stream()
            .map(d -> d.name() + (d.colon() ? ":" : "-") + d.start() + "-" + d.end())
            .toList());
  }
}
