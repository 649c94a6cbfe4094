package io.hullcheck.job;

import io.hullcheck.engine.FileProblem;
import io.hullcheck.policy.PolicyError;
import io.hullcheck.report.pr.Limits;
import io.hullcheck.report.pr.PrFinding;
import io.hullcheck.report.pr.RuleDocs;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a run's result into the check run's update requests: one annotation per unsuppressed
 * finding (errors first), parse problem and policy error, sent in batches of {@link
 * CheckRunOutput#MAX_ANNOTATIONS}, every batch with the same title, summary and text, the last one
 * completing the run. Pure.
 */
public final class CheckPlanner {
  /** Past this many annotations the rest are left out (a note says so): pages stay usable. */
  static final int MAX_TOTAL_ANNOTATIONS = 1000;

  private final RuleDocs docs;

  public CheckPlanner(RuleDocs docs) {
    this.docs = docs;
  }

  /** The annotation of one finding; pre-existing ones say so in their title. */
  public Annotation annotation(PrFinding pf) {
    Finding f = pf.finding();
    boolean oneLine = f.span().startLine() == f.span().endLine();
    String title =
        (pf.isNew() ? "" : "pre-existing · ") + f.ruleId() + ": " + docs.title(f.ruleId());
    String message = f.message();
    String why = docs.rationale(f.ruleId());
    if (!why.isEmpty()) {
      message += "\n\nWhy it matters: " + why;
    }
    message += "\n\nRule: " + docs.url(f.ruleId());
    return new Annotation(
        f.path(),
        f.span().startLine(),
        Math.max(f.span().startLine(), f.span().endLine()),
        oneLine ? f.span().startColumn() : null,
        oneLine ? Math.max(f.span().startColumn(), f.span().endColumn()) : null,
        level(f.severity()),
        Limits.cut(title, Limits.TITLE),
        Limits.cut(message, Limits.ANNOTATION_MESSAGE / 2),
        f.fix() == null ? null : Limits.cut("Fix: " + f.fix().description(), 1000));
  }

  static AnnotationLevel level(Severity s) {
    return switch (s) {
      case ERROR -> AnnotationLevel.FAILURE;
      case WARNING -> AnnotationLevel.WARNING;
      case INFO -> AnnotationLevel.NOTICE;
    };
  }

  public static Annotation problem(FileProblem p) {
    return new Annotation(
        p.path(),
        Math.max(1, p.line()),
        Math.max(1, p.line()),
        null,
        null,
        AnnotationLevel.FAILURE,
        "Could not parse this file",
        Limits.cut(p.message(), Limits.ANNOTATION_MESSAGE / 2),
        null);
  }

  /**
   * @param level {@link AnnotationLevel#FAILURE} for the base policy that judges the PR, {@link
   *     AnnotationLevel#NOTICE} for a head policy that is only previewed
   */
  public static Annotation policyError(PolicyError e, AnnotationLevel level) {
    return new Annotation(
        e.path(),
        Math.max(1, e.line()),
        Math.max(1, e.line()),
        Math.max(1, e.column()),
        Math.max(1, e.column()),
        level,
        "Policy error",
        Limits.cut(e.message(), Limits.ANNOTATION_MESSAGE / 2),
        null);
  }

  /** Annotations for every unsuppressed finding, errors first, then by path and line. */
  public List<Annotation> annotations(List<PrFinding> findings) {
    List<PrFinding> open =
        new ArrayList<>(findings.stream().filter(pf -> !pf.suppressed()).toList());
    open.sort(
        Comparator.comparing((PrFinding pf) -> pf.finding().severity())
            .reversed()
            .thenComparing(pf -> pf.finding().path())
            .thenComparingInt(pf -> pf.finding().span().startLine()));
    return open.stream().map(this::annotation).toList();
  }

  /**
   * The update requests that complete a run: annotations in batches of 50, every batch with the
   * same title, summary and text; all but the last keep the run in progress, the last carries the
   * conclusion. At least one request, even without annotations.
   */
  public static List<CheckRunUpdate> updates(
      CheckConclusion conclusion, String title, String summary, String text, List<Annotation> all) {
    List<Annotation> annotations = all;
    String sum = summary;
    if (all.size() > MAX_TOTAL_ANNOTATIONS) {
      annotations = all.subList(0, MAX_TOTAL_ANNOTATIONS);
      sum =
          Limits.trim(
              summary
                  + "\n> **Trimmed:** "
                  + (all.size() - MAX_TOTAL_ANNOTATIONS)
                  + " annotations beyond the first "
                  + MAX_TOTAL_ANNOTATIONS
                  + " were left out; run `hullcheck scan` locally for all of them.\n",
              Limits.CHECK_TEXT,
              "run `hullcheck scan` locally for everything");
    }
    String t = Limits.cut(title, Limits.TITLE);
    String tx = text == null || text.isEmpty() ? null : text;
    List<CheckRunUpdate> out = new ArrayList<>();
    int n = annotations.size();
    int batches =
        Math.max(1, (n + CheckRunOutput.MAX_ANNOTATIONS - 1) / CheckRunOutput.MAX_ANNOTATIONS);
    for (int b = 0; b < batches; b++) {
      List<Annotation> batch =
          annotations.subList(
              Math.min(n, b * CheckRunOutput.MAX_ANNOTATIONS),
              Math.min(n, (b + 1) * CheckRunOutput.MAX_ANNOTATIONS));
      boolean last = b == batches - 1;
      out.add(new CheckRunUpdate(last ? conclusion : null, new CheckRunOutput(t, sum, tx, batch)));
    }
    return out;
  }

  /** A completion without findings: neutral, cancelled, or an error, with a plain explanation. */
  public static CheckRunUpdate simple(CheckConclusion conclusion, String title, String summary) {
    return new CheckRunUpdate(
        conclusion,
        new CheckRunOutput(
            Limits.cut(title, Limits.TITLE),
            Limits.trim(summary, Limits.CHECK_TEXT, "see the logs"),
            null,
            List.of()));
  }
}
