package io.hullcheck.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.model.ParseProblem;
import io.hullcheck.model.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile files end in one clear problem and no tree, never an Error. */
class BoundsTest {

  static Stream<Arguments> hostileFiles() {
    return Stream.of(
        Arguments.of(
            "billion laughs (lists)", (Supplier<String>) () -> laughs("[", "]"), "billion-laughs"),
        Arguments.of(
            "billion laughs (maps)", (Supplier<String>) BoundsTest::mapLaughs, "billion-laughs"),
        Arguments.of(
            "too many aliases",
            (Supplier<String>) BoundsTest::manyAliases,
            "more than 2000 aliases"),
        Arguments.of(
            "deep flow nesting",
            (Supplier<String>) () -> "a: " + "[".repeat(50_000),
            "nesting deeper than 100"),
        Arguments.of(
            "deep block nesting",
            (Supplier<String>) BoundsTest::deepBlock,
            "nesting deeper than 100"),
        Arguments.of(
            "deep through aliases",
            (Supplier<String>) BoundsTest::aliasChain,
            "nesting deeper than 100"),
        Arguments.of("larger than 3 MiB", (Supplier<String>) BoundsTest::huge, "larger than"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileFiles")
  void hostileFileGivesOneProblemAndNoTree(String name, Supplier<String> text, String message) {
    ComposeFile file = ComposeLoader.load(new SourceFile("hostile.yaml", text.get()), Map.of());
    assertEquals(1, file.problems().size(), file.problems().toString());
    ParseProblem p = file.problems().get(0);
    assertTrue(p.message().contains(message), p.message());
    assertNull(file.root());
    assertEquals(List.of(), file.services());
  }

  @Test
  void manySmallAliasesOfRealisticSizeAreFine() {
    StringBuilder b = new StringBuilder("x-common: &common\n  restart: always\n");
    b.append("  logging: {driver: json-file, options: {max-size: 10m}}\nservices:\n");
    for (int i = 0; i < 500; i++) {
      b.append("  s")
          .append(i)
          .append(":\n    <<: *common\n    image: app:")
          .append(i)
          .append('\n');
    }
    ComposeFile file = ComposeLoader.load(new SourceFile("c.yaml", b.toString()), Map.of());
    assertEquals(List.of(), file.problems());
    assertEquals(500, file.services().size());
    assertEquals("json-file", file.services().get(499).logging().driver());
  }

  /** Ten levels of ten aliases each: 10^10 nodes when expanded, 100 aliases as written. */
  private static String laughs(String open, String close) {
    StringBuilder b = new StringBuilder("l0: &l0 " + open + "lol" + close + "\n");
    for (int level = 1; level <= 10; level++) {
      b.append('l').append(level).append(": &l").append(level).append(' ').append(open);
      for (int i = 0; i < 10; i++) {
        b.append(i == 0 ? "" : ", ").append("*l").append(level - 1);
      }
      b.append(close).append('\n');
    }
    return b.append("services:\n  web:\n    command: *l10\n").toString();
  }

  private static String mapLaughs() {
    StringBuilder b = new StringBuilder("l0: &l0 {a: lol}\n");
    for (int level = 1; level <= 10; level++) {
      b.append('l').append(level).append(": &l").append(level).append(" {");
      for (int i = 0; i < 10; i++) {
        b.append(i == 0 ? "" : ", ").append('k').append(i).append(": *l").append(level - 1);
      }
      b.append("}\n");
    }
    return b.toString();
  }

  private static String manyAliases() {
    StringBuilder b = new StringBuilder("a: &a [x]\nb:\n");
    for (int i = 0; i < ComposeLoader.MAX_ALIASES_FOR_COLLECTIONS + 1; i++) {
      b.append("  - *a\n");
    }
    return b.toString();
  }

  private static String deepBlock() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      b.append("  ".repeat(i)).append("k:\n");
    }
    return b.append("  ".repeat(150)).append("v\n").toString();
  }

  /** Each anchor wraps the one before: shallow as written, 150 deep when expanded. */
  private static String aliasChain() {
    StringBuilder b = new StringBuilder("a0: &a0 [x]\n");
    for (int i = 1; i <= 150; i++) {
      b.append('a').append(i).append(": &a").append(i).append(" [*a").append(i - 1).append("]\n");
    }
    return b.toString();
  }

  private static String huge() {
    return "services:\n  web:\n    command: \"" + "x".repeat(ComposeLoader.MAX_CHARS) + "\"\n";
  }
}
