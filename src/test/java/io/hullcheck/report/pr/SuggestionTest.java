package io.hullcheck.report.pr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.TextEdit;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Suggested changes replace whole lines; each row is a file, an edit given by the text it targets,
 * and the expected replaced range and suggestion block. Applying the block's lines over the range
 * must give the fixed file (checked for every row).
 */
class SuggestionTest {

  /** An edit replacing the first occurrence of {@code target} (after {@code from}) with text. */
  private static TextEdit edit(String text, String target, int from, String replacement) {
    int at = text.indexOf(target, from);
    if (at < 0) {
      throw new IllegalArgumentException(target);
    }
    return new TextEdit(at, at + target.length(), replacement);
  }

  static Stream<Arguments> cases() {
    String df = "FROM python:3.12\nWORKDIR /app\nCMD [\"python\"]\n";
    String crlf = "FROM python:3.12\r\nWORKDIR /app\r\nCMD [\"python\"]\r\n";
    String noEol = "FROM python:3.12\nCMD [\"python\"]";
    int cmd = df.indexOf("CMD");
    String gap = "services:\n  cache:\n    image: redis:7\n\n  web:\n    image: nginx:1.27\n";
    String gapCrlf = gap.replace("\n", "\r\n");
    return Stream.of(
        Arguments.of(
            "replace inside a line",
            df,
            edit(df, "3.12", 0, "3.12-slim"),
            1,
            1,
            "```suggestion\nFROM python:3.12-slim\n```"),
        Arguments.of(
            "insert a line before another",
            df,
            TextEdit.insert(cmd, "USER app\n"),
            3,
            3,
            "```suggestion\nUSER app\nCMD [\"python\"]\n```"),
        Arguments.of(
            "delete a whole line",
            df,
            edit(df, "WORKDIR /app\n", 0, ""),
            2,
            2,
            "```suggestion\n```"),
        Arguments.of(
            "append after the last line",
            df,
            TextEdit.insert(df.length(), "HEALTHCHECK NONE\n"),
            3,
            3,
            "```suggestion\nCMD [\"python\"]\nHEALTHCHECK NONE\n```"),
        Arguments.of(
            "CRLF: insertion keeps terminators out of the lines",
            crlf,
            TextEdit.insert(crlf.indexOf("CMD"), "USER app\r\n"),
            3,
            3,
            "```suggestion\nUSER app\nCMD [\"python\"]\n```"),
        Arguments.of(
            "CRLF: deletion",
            crlf,
            edit(crlf, "WORKDIR /app\r\n", 0, ""),
            2,
            2,
            "```suggestion\n```"),
        Arguments.of(
            "no final newline: edit the last line",
            noEol,
            edit(noEol, "[\"python\"]", 0, "python"),
            2,
            2,
            "```suggestion\nCMD python\n```"),
        Arguments.of(
            "no final newline: delete the last line with the newline before it",
            noEol,
            edit(noEol, "\nCMD [\"python\"]", 0, ""),
            1,
            2,
            "```suggestion\nFROM python:3.12\n```"),
        Arguments.of(
            "edit spanning two lines",
            df,
            edit(df, "3.12\nWORKDIR", 0, "3.12-slim\nWORKDIR"),
            1,
            2,
            "```suggestion\nFROM python:3.12-slim\nWORKDIR /app\n```"),
        Arguments.of(
            "lines inserted above a blank line join the line above it",
            gap,
            TextEdit.insert(gap.indexOf("\n\n") + 1, "    mem_limit: 512M\n"),
            3,
            3,
            "```suggestion\n    image: redis:7\n    mem_limit: 512M\n```"),
        Arguments.of(
            "CRLF: lines inserted above a blank line join the line above it",
            gapCrlf,
            TextEdit.insert(gapCrlf.indexOf("\r\n\r\n") + 2, "    mem_limit: 512M\r\n"),
            3,
            3,
            "```suggestion\n    image: redis:7\n    mem_limit: 512M\n```"),
        Arguments.of(
            "an edit on the blank line itself stays there",
            gap,
            edit(gap, "\n\n", 0, "\n  # cache\n"),
            3,
            4,
            "```suggestion\n    image: redis:7\n  # cache\n```"),
        Arguments.of(
            "backticks in the content lengthen the fence",
            df,
            edit(df, "WORKDIR /app", 0, "LABEL note=\"```x```\""),
            2,
            2,
            "````suggestion\nLABEL note=\"```x```\"\n````"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void suggestion(String name, String text, TextEdit e, int start, int end, String block) {
    SourceFile source = new SourceFile("Dockerfile", text);
    Fix fix = Fix.of("fix", e);
    Suggestion s = Suggestion.of(source, fix).orElseThrow();
    assertEquals(start, s.startLine(), "start line");
    assertEquals(end, s.endLine(), "end line");
    assertEquals(block, s.block());
    assertEquals(normalise(fix.applyTo(text)), normalise(applyLines(source, s)), "round trip");
  }

  /** What GitHub does when the suggestion is committed: replace lines start..end. */
  private static String applyLines(SourceFile source, Suggestion s) {
    StringBuilder sb = new StringBuilder();
    for (int l = 1; l < s.startLine(); l++) {
      sb.append(source.lineText(l)).append('\n');
    }
    for (String line : s.lines()) {
      sb.append(line).append('\n');
    }
    for (int l = s.endLine() + 1; l <= source.lineCount(); l++) {
      sb.append(source.lineText(l)).append('\n');
    }
    return sb.toString();
  }

  private static String normalise(String text) {
    String t = text.replace("\r\n", "\n");
    return t.endsWith("\n") ? t : t + "\n";
  }

  @Test
  void aFixThatChangesNothingGivesNoSuggestion() {
    String text = "FROM a\n";
    Optional<Suggestion> s =
        Suggestion.of(
            new SourceFile("D", text),
            Fix.of("noop", TextEdit.replace(new SourceFile("D", text).span(5, 6), "a")));
    assertTrue(s.isEmpty());
  }

  @Test
  void fenceIsAtLeastThreeAndLongerThanAnyRun() {
    assertEquals("```", Suggestion.fence("plain"));
    assertEquals("````", Suggestion.fence("a ``` b"));
    assertEquals("``````", Suggestion.fence("`````"));
  }
}
