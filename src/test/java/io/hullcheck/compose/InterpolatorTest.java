package io.hullcheck.compose;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InterpolatorTest {
  /** SET=value, EMPTY is set to the empty string, UNSET is missing. */
  private static final Interpolator INTERPOLATOR =
      new Interpolator(Map.of("SET", "value", "EMPTY", "", "HOST", "127.0.0.1"));

  /** Expected "<unknown>" means the result depends on an unset variable without a default. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "<unknown>",
      value = {
        "plain text            | plain text",
        "$SET                  | value",
        "${SET}                | value",
        "x$SET.y               | xvalue.y",
        "$UNSET                | <unknown>",
        "${UNSET}              | <unknown>",
        "${UNSET:-d}           | d",
        "${EMPTY:-d}           | d",
        "${EMPTY-d}            | ''",
        "${UNSET-d}            | d",
        "${SET:-d}             | value",
        "${UNSET:?need it}     | <unknown>",
        "${EMPTY:?need it}     | <unknown>",
        "${EMPTY?need it}      | ''",
        "${SET:?need it}       | value",
        "${SET:+r}             | r",
        "${EMPTY:+r}           | ''",
        "${EMPTY+r}            | r",
        "${UNSET+r}            | ''",
        "${UNSET:+r}           | ''",
        "$$                    | $",
        "$${SET}               | ${SET}",
        "$$SET                 | $SET",
        "cost 5$               | cost 5$",
        "$1 and $ alone        | $1 and $ alone",
        "${A:-${B:-x}}         | x",
        "${A:-${SET:-x}}       | value",
        "${A:-${B}}            | <unknown>",
        "${UNSET:-a:b}         | a:b",
        "${HOST:-0.0.0.0}:80:80 | 127.0.0.1:80:80",
        "${BIND:-127.0.0.1}:80 | 127.0.0.1:80",
        "${A:-$$x}             | $x",
        "${UNSET:-}            | ''",
        "${set}                | <unknown>",
      })
  void interpolates(String input, String expected) throws Exception {
    assertEquals(expected, INTERPOLATOR.apply(input));
  }

  @ParameterizedTest
  @ValueSource(strings = {"${", "${SET", "${}", "${1A}", "${SET:x}", "${SET!}", "a ${B:-c"})
  void rejectsWhatComposeRejects(String input) {
    assertThrows(Interpolator.InvalidTemplateException.class, () -> INTERPOLATOR.apply(input));
  }

  @org.junit.jupiter.api.Test
  void deepNestingIsRejectedNotAStackOverflow() {
    String deep = "${A:-".repeat(100_000) + "x" + "}".repeat(100_000);
    assertThrows(Interpolator.InvalidTemplateException.class, () -> INTERPOLATOR.apply(deep));
    String fine =
        "${A:-".repeat(Interpolator.MAX_NESTING) + "x" + "}".repeat(Interpolator.MAX_NESTING);
    assertDoesNotThrow(() -> assertEquals("x", INTERPOLATOR.apply(fine)));
  }
}
