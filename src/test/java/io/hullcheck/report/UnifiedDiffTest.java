package io.hullcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each case: before, after, and the exact diff {@code diff -u} conventions give. */
class UnifiedDiffTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("same", "a\nb\n", "a\nb\n", ""),
        Arguments.of(
            "change in the middle",
            "1\n2\n3\n4\n5\n6\n7\n8\n9\n",
            "1\n2\n3\n4\nfive\n6\n7\n8\n9\n",
            "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"),
        Arguments.of(
            "insertion at the top",
            "a\nb\n",
            "x\na\nb\n",
            "--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n+x\n a\n b\n"),
        Arguments.of(
            "deletion of the only line", "a\n", "", "--- a/f\n+++ b/f\n@@ -1 +0,0 @@\n-a\n"),
        Arguments.of("into an empty file", "", "a\n", "--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+a\n"),
        Arguments.of(
            "final newline added",
            "a\nb",
            "a\nb\n",
            "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n"),
        Arguments.of(
            "change before a missing final newline",
            "a\nb",
            "A\nb",
            "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n-a\n+A\n b\n\\ No newline at end of file\n"),
        Arguments.of(
            "CRLF lines keep their CR",
            "a\r\nb\r\n",
            "a\r\nB\r\n",
            "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+B\r\n"),
        Arguments.of(
            "two hunks far apart",
            "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n",
            "one\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\ntwelve\n",
            "--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n-1\n+one\n 2\n 3\n 4\n"
                + "@@ -9,4 +9,4 @@\n 9\n 10\n 11\n-12\n+twelve\n"),
        Arguments.of(
            "two changes close together share a hunk",
            "1\n2\n3\n4\n5\n6\n7\n8\n",
            "one\n2\n3\n4\n5\n6\n7\neight\n",
            "--- a/f\n+++ b/f\n@@ -1,8 +1,8 @@\n-1\n+one\n 2\n 3\n 4\n 5\n 6\n 7\n-8\n+eight\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void printsUnifiedDiffs(String name, String before, String after, String expected) {
    assertEquals(expected, UnifiedDiff.of("f", before, after));
  }
}
