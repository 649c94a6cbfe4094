package io.hullcheck.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.report.pr.Limits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Annotation batches of 50 and GitHub's size limits. */
class CheckPlannerTest {

  static List<Annotation> annotations(int n) {
    List<Annotation> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          new Annotation(
              "Dockerfile", i + 1, i + 1, null, null, AnnotationLevel.WARNING, "t", "m" + i, null));
    }
    return out;
  }

  @Test
  void batchesOfFiftyTheLastCompletes() {
    List<CheckRunUpdate> u =
        CheckPlanner.updates(CheckConclusion.FAILURE, "T", "S", "X", annotations(120));
    assertEquals(
        List.of(50, 50, 20), u.stream().map(x -> x.output().annotations().size()).toList());
    assertNull(u.get(0).conclusion());
    assertNull(u.get(1).conclusion());
    assertEquals(CheckConclusion.FAILURE, u.get(2).conclusion());
    assertTrue(
        u.stream()
            .allMatch(x -> x.output().title().equals("T") && x.output().summary().equals("S")));
    assertEquals("m50", u.get(1).output().annotations().get(0).message());
  }

  @Test
  void noAnnotationsIsStillOneCompletingRequest() {
    List<CheckRunUpdate> u = CheckPlanner.updates(CheckConclusion.SUCCESS, "T", "S", "", List.of());
    assertEquals(1, u.size());
    assertEquals(CheckConclusion.SUCCESS, u.get(0).conclusion());
    assertNull(u.get(0).output().text(), "empty text is left out");
  }

  @Test
  void exactlyFiftyIsOneRequest() {
    assertEquals(
        1, CheckPlanner.updates(CheckConclusion.SUCCESS, "T", "S", null, annotations(50)).size());
    assertEquals(
        2, CheckPlanner.updates(CheckConclusion.SUCCESS, "T", "S", null, annotations(51)).size());
  }

  @Test
  void textsAreTrimmedToTheLimitWithANote() {
    String line = "- a line of the summary with some ünïcödé text that takes bytes\n";
    String big = line.repeat(3000);
    String trimmed = Limits.trim(big, Limits.CHECK_TEXT, "see the annotations");
    assertTrue(trimmed.getBytes(StandardCharsets.UTF_8).length <= Limits.CHECK_TEXT);
    assertTrue(trimmed.contains("**Trimmed:**"));
    assertTrue(trimmed.endsWith("see the annotations\n"));
    List<CheckRunUpdate> u =
        CheckPlanner.updates(CheckConclusion.SUCCESS, "x".repeat(400), big, big, List.of());
    assertEquals(Limits.TITLE, u.get(0).output().title().length());
  }

  @Test
  void pastAThousandAnnotationsTheRestIsNamed() {
    List<CheckRunUpdate> u =
        CheckPlanner.updates(CheckConclusion.FAILURE, "T", "S", null, annotations(1030));
    assertEquals(20, u.size());
    assertTrue(u.get(0).output().summary().contains("30 annotations beyond the first 1000"));
  }
}
