package io.hullcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DotEnvTest {
  @Test
  void readsWhatComposeReads() {
    String text =
        String.join(
            "\n",
            "# a comment",
            "",
            "PLAIN=value",
            "export EXPORTED=yes",
            "SPACED = around ",
            "SINGLE='literal $X \\n'",
            "DOUBLE=\"line\\nbreak\"",
            "INLINE=value # comment",
            "EMPTY=",
            "not a variable",
            "");
    assertEquals(
        Map.of(
            "PLAIN", "value",
            "EXPORTED", "yes",
            "SPACED", "around",
            "SINGLE", "literal $X \\n",
            "DOUBLE", "line\nbreak",
            "INLINE", "value",
            "EMPTY", ""),
        DotEnv.parse(text));
  }
}
