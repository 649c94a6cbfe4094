package io.hullcheck.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.model.SourceFile;
import io.hullcheck.policy.ReviewSettings;
import io.hullcheck.report.pr.CommentText;
import io.hullcheck.report.pr.DiffHunks;
import io.hullcheck.report.pr.Fingerprints;
import io.hullcheck.report.pr.PrFinding;
import io.hullcheck.report.pr.RuleDocs;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.RuleMeta;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Suppression;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.TextEdit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Planning with hand-made findings on a Dockerfile whose diff adds lines 3 to 6. */
class ReviewPlannerTest {
  static final String PATH = "Dockerfile";
  static final String TEXT =
      "FROM python:latest\n" // 1: context
          + "WORKDIR /app\n" // 2: context
          + "COPY . .\n" // 3: added
          + "RUN pip install -r requirements.txt\n" // 4: added
          + "EXPOSE 8000\n" // 5: added
          + "CMD [\"python\", \"app.py\"]\n" // 6: added
          + "LABEL a=b\n"; // 7: outside
  static final String PATCH =
      "@@ -1,2 +1,6 @@\n FROM python:latest\n WORKDIR /app\n+COPY . .\n"
          + "+RUN pip install -r requirements.txt\n+EXPOSE 8000\n+CMD [\"python\", \"app.py\"]";
  static final SourceFile SOURCE = new SourceFile(PATH, TEXT);
  static final RuleDocs DOCS =
      new RuleDocs(
          List.of(
              new RuleMeta(
                  "user-root",
                  "Final stage runs as root",
                  Severity.ERROR,
                  Target.DOCKERFILE,
                  Category.USER,
                  true,
                  "A process running as root in a container can take over"
                      + " the host through any kernel flaw.",
                  true,
                  Map.of())),
          "https://docs.example/rules/");

  static Finding finding(String rule, Severity sev, int line, Fix fix) {
    return new Finding(
        rule,
        sev,
        Category.USER,
        PATH,
        SOURCE.lineSpan(line),
        rule + " at " + line,
        fix,
        null,
        null);
  }

  static PrFinding tagged(Finding f, PrFinding.Origin origin) {
    String fp = Fingerprints.of(List.of(f), Map.of(PATH, SOURCE)).get(0);
    return new PrFinding(f, fp, origin);
  }

  static ReviewPlan plan(
      ReviewSettings settings, List<PrFinding> findings, List<ReviewThread> threads) {
    return new ReviewPlanner(settings, DOCS)
        .plan(
            "abcdef1234567890",
            findings,
            Map.of(PATH, SOURCE),
            Map.of(PATH, DiffHunks.parse(PATCH)),
            Set.of(PATH),
            threads,
            "1 new finding");
  }

  static final Fix USER_FIX =
      Fix.of("add a USER line", TextEdit.insert(TEXT.indexOf("CMD"), "USER app\n"));

  @Test
  void suggestionSitsOnTheLinesItReplaces() {
    PrFinding pf = tagged(finding("user-root", Severity.ERROR, 1, USER_FIX), PrFinding.Origin.NEW);
    ReviewPlan p = plan(ReviewSettings.defaults(), List.of(pf), List.of());
    assertEquals(1, p.inline().size());
    ReviewComment c = p.inline().get(0).comment();
    assertEquals(6, c.line());
    assertNull(c.startLine());
    assertTrue(c.body().contains("```suggestion\nUSER app\nCMD [\"python\", \"app.py\"]\n```"));
    assertTrue(c.body().contains("Line 1: "), "names the finding's own line");
    assertTrue(c.body().contains("**Why it matters:** A process running as root"));
    assertTrue(c.body().contains("https://docs.example/rules/user-root.md"));
    assertTrue(c.body().contains(Fingerprints.marker(pf.fingerprint(), "user-root")));
    assertEquals("COMMENT", p.review().event());
    assertEquals("abcdef1234567890", p.review().commitId());
  }

  @Test
  void outsideTheDiffGoesToAnnotationsOnly() {
    PrFinding pf = tagged(finding("label-rule", Severity.WARNING, 7, null), PrFinding.Origin.NEW);
    ReviewPlan p = plan(ReviewSettings.defaults(), List.of(pf), List.of());
    assertTrue(p.inline().isEmpty());
    assertEquals(List.of(pf), p.outsideDiff());
    assertNull(p.review(), "no inline comment, no review");
  }

  @Test
  void suggestionOutsideTheDiffFallsBackToAPlainComment() {
    Fix labelFix = Fix.of("drop label", TextEdit.delete(TEXT.indexOf("LABEL"), TEXT.length()));
    PrFinding pf = tagged(finding("x-rule", Severity.WARNING, 5, labelFix), PrFinding.Origin.NEW);
    ReviewPlan p = plan(ReviewSettings.defaults(), List.of(pf), List.of());
    ReviewComment c = p.inline().get(0).comment();
    assertEquals(5, c.line());
    assertFalse(c.body().contains("```suggestion"));
    assertTrue(c.body().contains("drop label"));
  }

  @Test
  void suggestionsCanBeTurnedOff() {
    PrFinding pf = tagged(finding("user-root", Severity.ERROR, 6, USER_FIX), PrFinding.Origin.NEW);
    ReviewSettings off = new ReviewSettings(25, false, "request_changes", true, "skip");
    ReviewPlan p = plan(off, List.of(pf), List.of());
    assertFalse(p.inline().get(0).comment().body().contains("```suggestion"));
    assertEquals("REQUEST_CHANGES", p.review().event());
  }

  @Test
  void overTheLimitIsListedInTheBody() {
    List<PrFinding> three =
        List.of(
            tagged(finding("a-rule", Severity.WARNING, 3, null), PrFinding.Origin.NEW),
            tagged(finding("b-rule", Severity.ERROR, 4, null), PrFinding.Origin.NEW),
            tagged(finding("c-rule", Severity.INFO, 5, null), PrFinding.Origin.NEW));
    ReviewPlan p = plan(new ReviewSettings(2, true, "comment", true, "skip"), three, List.of());
    assertEquals(2, p.inline().size());
    assertEquals("b-rule", p.inline().get(0).finding().finding().ruleId(), "errors first");
    assertEquals(List.of(three.get(2)), p.overflow());
    assertTrue(p.review().body().contains("`Dockerfile:5` info [`c-rule`]"));
  }

  @Test
  void onlyNewLeavesPreExistingFindingsOut() {
    PrFinding pre =
        tagged(finding("a-rule", Severity.WARNING, 3, null), PrFinding.Origin.PRE_EXISTING);
    assertTrue(plan(ReviewSettings.defaults(), List.of(pre), List.of()).inline().isEmpty());
    ReviewPlan all =
        plan(new ReviewSettings(25, true, "comment", false, "skip"), List.of(pre), List.of());
    assertEquals(1, all.inline().size());
    assertTrue(all.inline().get(0).comment().body().contains("already present on the base"));
  }

  @Test
  void knownFingerprintsAreNotPostedAgain() {
    PrFinding pf = tagged(finding("a-rule", Severity.WARNING, 3, null), PrFinding.Origin.NEW);
    ReviewThread earlier =
        new ReviewThread(
            "T1",
            11,
            PATH,
            3,
            "old text " + Fingerprints.marker(pf.fingerprint(), "a-rule"),
            false,
            false);
    ReviewPlan p = plan(ReviewSettings.defaults(), List.of(pf), List.of(earlier));
    assertTrue(p.inline().isEmpty());
    assertEquals(1, p.alreadyCommented());
    assertTrue(p.resolutions().isEmpty());
    assertNull(p.review());
  }

  @Test
  void goneFindingsResolveTheirThreadsWithTheReason() {
    PrFinding stays = tagged(finding("a-rule", Severity.WARNING, 3, null), PrFinding.Origin.NEW);
    Finding s =
        finding("s-rule", Severity.WARNING, 4, null)
            .withSuppression(new Suppression("hullcheck", "accepted", null));
    PrFinding suppressed = tagged(s, PrFinding.Origin.NEW);
    List<ReviewThread> threads =
        List.of(
            new ReviewThread(
                "T1",
                11,
                PATH,
                3,
                Fingerprints.marker(stays.fingerprint(), "a-rule"),
                false,
                false),
            new ReviewThread(
                "T2",
                12,
                PATH,
                9,
                Fingerprints.marker("00000000000000aa", "gone-rule"),
                false,
                true),
            new ReviewThread(
                "T3",
                13,
                PATH,
                9,
                Fingerprints.marker("00000000000000bb", "old-rule"),
                true,
                false),
            new ReviewThread(
                "T4",
                14,
                PATH,
                4,
                Fingerprints.marker(suppressed.fingerprint(), "s-rule"),
                false,
                false),
            new ReviewThread(
                "T5",
                15,
                "other/Dockerfile",
                1,
                Fingerprints.marker("00000000000000cc", "x"),
                false,
                false),
            new ReviewThread("T6", 16, PATH, 1, "a human's thread without a marker", false, false));
    ReviewPlan p = plan(ReviewSettings.defaults(), List.of(stays, suppressed), threads);
    assertEquals(
        List.of("T2:FIXED", "T4:SUPPRESSED", "T5:FILE_UNCHANGED"),
        p.resolutions().stream().map(r -> r.thread().threadId() + ":" + r.reason()).toList());
    assertEquals("Fixed in abcdef1. Resolving this thread.", p.resolutions().get(0).reply());
    assertEquals(CommentText.Reason.FIXED, p.resolutions().get(0).reason());
  }
}
