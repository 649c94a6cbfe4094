package io.hullcheck.report.pr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which RIGHT-side lines a patch shows, hunk by hunk. One row per patch shape. */
class DiffHunksTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "new file", "@@ -0,0 +1,3 @@\n+FROM a\n+RUN b\n+CMD c", "[[1, 2, 3]]", "[[1, 2, 3]]"),
        Arguments.of(
            "modification with context",
            "@@ -1,4 +1,5 @@\n FROM a\n-RUN b\n+RUN b2\n+RUN b3\n USER x\n CMD c",
            "[[1, 2, 3, 4, 5]]",
            "[[2, 3]]"),
        Arguments.of(
            "two hunks",
            "@@ -1,2 +1,2 @@\n-a\n+A\n b\n@@ -10,3 +10,4 @@ FROM x\n c\n+d\n e\n f",
            "[[1, 2], [10, 11, 12, 13]]",
            "[[1], [11]]"),
        Arguments.of(
            "pure deletion shows only context", "@@ -3,3 +3,2 @@\n x\n-y\n z", "[[3, 4]]", "[[]]"),
        Arguments.of(
            "no newline at end of file markers take no line",
            "@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n\\ No newline at end of file",
            "[[1, 2]]",
            "[[2]]"),
        Arguments.of("CRLF file", "@@ -1,2 +1,3 @@\r\n a\r\n+b\r\n c\r", "[[1, 2, 3]]", "[[2]]"),
        Arguments.of(
            "header without counts means one line", "@@ -5 +5 @@\n-x\n+y", "[[5]]", "[[5]]"),
        Arguments.of(
            "git header before the first hunk is skipped",
            "diff --git a/D b/D\n--- a/D\n+++ b/D\n@@ -1 +1,2 @@\n a\n+b",
            "[[1, 2]]",
            "[[2]]"),
        Arguments.of(
            "empty context line written without its space",
            "@@ -1,3 +1,3 @@\n a\n\n-c\n+C",
            "[[1, 2, 3]]",
            "[[3]]"),
        Arguments.of("no patch", null, "[]", "[]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rightLinesPerHunk(String name, String patch, String right, String added) {
    DiffHunks h = DiffHunks.parse(patch);
    List<List<Integer>> r = new ArrayList<>();
    List<List<Integer>> a = new ArrayList<>();
    for (DiffHunks.Hunk hunk : h.hunks()) {
      r.add(List.copyOf(hunk.rightLines()));
      a.add(List.copyOf(hunk.addedLines()));
    }
    assertEquals(right, r.toString());
    assertEquals(added, a.toString());
  }

  static Stream<Arguments> ranges() {
    String twoHunks = "@@ -1,2 +1,2 @@\n-a\n+A\n b\n@@ -10,3 +10,4 @@\n c\n+d\n e\n f";
    return Stream.of(
        Arguments.of(twoHunks, 1, 1, true),
        Arguments.of(twoHunks, 1, 2, true),
        Arguments.of(twoHunks, 11, 13, true),
        Arguments.of(twoHunks, 3, 3, false),
        Arguments.of(twoHunks, 2, 10, false),
        Arguments.of(twoHunks, 12, 11, false),
        Arguments.of(twoHunks, 14, 14, false));
  }

  @ParameterizedTest(name = "lines {1}..{2}: {3}")
  @MethodSource("ranges")
  void rangesMustLieInOneHunk(String patch, int start, int end, boolean ok) {
    DiffHunks h = DiffHunks.parse(patch);
    assertEquals(ok, start == end ? h.commentable(start) : h.commentable(start, end));
  }
}
