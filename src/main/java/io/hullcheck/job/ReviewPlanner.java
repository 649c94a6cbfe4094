package io.hullcheck.job;

import io.hullcheck.model.SourceFile;
import io.hullcheck.policy.ReviewSettings;
import io.hullcheck.report.pr.CommentText;
import io.hullcheck.report.pr.DiffHunks;
import io.hullcheck.report.pr.Fingerprints;
import io.hullcheck.report.pr.PrFinding;
import io.hullcheck.report.pr.RuleDocs;
import io.hullcheck.report.pr.Suggestion;
import io.hullcheck.rules.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, for one run, which findings become inline comments (only on lines the diff shows, on the
 * RIGHT side, a range only within one hunk), which go to the review body or the annotations only,
 * which were already commented on (by fingerprint), and which earlier threads to resolve. Pure.
 */
public final class ReviewPlanner {
  private final ReviewSettings settings;
  private final RuleDocs docs;

  public ReviewPlanner(ReviewSettings settings, RuleDocs docs) {
    this.settings = settings;
    this.docs = docs;
  }

  /**
   * Plans the review.
   *
   * @param findings head findings of the evaluated files, tagged and fingerprinted
   * @param sources head text per path (for suggestions)
   * @param hunks the diff hunks per head path; a path without an entry has no commentable line
   * @param evaluatedPaths head paths that were evaluated in this run
   * @param threads the App's earlier threads on this pull request
   * @param countLine the check's one-line count, repeated at the top of the review body
   */
  public ReviewPlan plan(
      String headSha,
      List<PrFinding> findings,
      Map<String, SourceFile> sources,
      Map<String, DiffHunks> hunks,
      Set<String> evaluatedPaths,
      List<ReviewThread> threads,
      String countLine) {
    Set<String> known = new HashSet<>();
    for (ReviewThread t : threads) {
      Fingerprints.parse(t.body()).ifPresent(m -> known.add(m.fingerprint()));
    }
    List<PrFinding> candidates = new ArrayList<>();
    for (PrFinding pf : findings) {
      if (!pf.suppressed() && (pf.isNew() || !settings.onlyNew())) {
        candidates.add(pf);
      }
    }
    candidates.sort(
        Comparator.comparing((PrFinding pf) -> pf.finding().severity())
            .reversed()
            .thenComparing(pf -> pf.finding().path())
            .thenComparingInt(pf -> pf.finding().span().startOffset()));

    List<ReviewPlan.Placed> inline = new ArrayList<>();
    List<PrFinding> overflow = new ArrayList<>();
    List<PrFinding> outside = new ArrayList<>();
    Set<String> suggestedLines = new HashSet<>();
    int already = 0;
    for (PrFinding pf : candidates) {
      if (known.contains(pf.fingerprint())) {
        already++;
        continue;
      }
      Optional<ReviewPlan.Placed> placed =
          place(
              pf, sources.get(pf.finding().path()), hunks.get(pf.finding().path()), suggestedLines);
      if (placed.isEmpty()) {
        outside.add(pf);
      } else if (inline.size() >= settings.maxComments()) {
        overflow.add(pf);
      } else {
        inline.add(placed.get());
        ReviewComment c = placed.get().comment();
        if (placed.get().suggestion()) {
          int from = c.startLine() == null ? c.line() : c.startLine();
          for (int l = from; l <= c.line(); l++) {
            suggestedLines.add(c.path() + ":" + l);
          }
        }
      }
    }

    List<ReviewPlan.Resolution> resolutions =
        resolutions(headSha, findings, evaluatedPaths, threads);

    ReviewRequest review = null;
    if (!inline.isEmpty()) {
      String body =
          CommentText.reviewBody(
              headSha,
              inline.size(),
              settings.maxComments(),
              overflow,
              List.of(),
              outside.size(),
              countLine,
              docs);
      review =
          new ReviewRequest(
              headSha,
              apiEvent(settings.event()),
              body,
              inline.stream().map(ReviewPlan.Placed::comment).toList());
    }
    return new ReviewPlan(inline, overflow, outside, already, resolutions, review);
  }

  /**
   * Where a finding's comment goes: on the lines its suggestion replaces when those are in one
   * hunk, else on its own first line when that is in the diff, else nowhere (annotations only).
   */
  private Optional<ReviewPlan.Placed> place(
      PrFinding pf, SourceFile source, DiffHunks hunks, Set<String> suggestedLines) {
    if (hunks == null) {
      return Optional.empty();
    }
    Finding f = pf.finding();
    int line = f.span().startLine();
    if (settings.suggestions() && f.fix() != null && !f.fix().elsewhere() && source != null) {
      Optional<Suggestion> s = Suggestion.of(source, f.fix());
      if (s.isPresent()
          && hunks.commentable(s.get().startLine(), s.get().endLine())
          && free(f.path(), s.get(), suggestedLines)) {
        Suggestion sug = s.get();
        boolean elsewhere = line < sug.startLine() || line > sug.endLine();
        String body = CommentText.inline(pf, sug, elsewhere, docs);
        ReviewComment c =
            new ReviewComment(
                f.path(), sug.endLine(), sug.multiLine() ? sug.startLine() : null, body);
        return Optional.of(new ReviewPlan.Placed(pf, c, true));
      }
    }
    if (hunks.commentable(line)) {
      String body = CommentText.inline(pf, null, false, docs);
      return Optional.of(
          new ReviewPlan.Placed(pf, new ReviewComment(f.path(), line, null, body), false));
    }
    return Optional.empty();
  }

  /** GitHub applies one suggestion per line in a batch: never offer two on the same line. */
  private static boolean free(String path, Suggestion s, Set<String> used) {
    for (int l = s.startLine(); l <= s.endLine(); l++) {
      if (used.contains(path + ":" + l)) {
        return false;
      }
    }
    return true;
  }

  private static List<ReviewPlan.Resolution> resolutions(
      String headSha,
      List<PrFinding> findings,
      Set<String> evaluatedPaths,
      List<ReviewThread> threads) {
    Set<String> open = new HashSet<>();
    Set<String> suppressed = new HashSet<>();
    for (PrFinding pf : findings) {
      (pf.suppressed() ? suppressed : open).add(pf.fingerprint());
    }
    List<ReviewPlan.Resolution> out = new ArrayList<>();
    for (ReviewThread t : threads) {
      Optional<Fingerprints.Marker> m = Fingerprints.parse(t.body());
      if (t.resolved() || m.isEmpty() || open.contains(m.get().fingerprint())) {
        continue;
      }
      CommentText.Reason reason;
      if (!evaluatedPaths.contains(t.path())) {
        reason = CommentText.Reason.FILE_UNCHANGED;
      } else if (suppressed.contains(m.get().fingerprint())) {
        reason = CommentText.Reason.SUPPRESSED;
      } else {
        reason = CommentText.Reason.FIXED;
      }
      out.add(
          new ReviewPlan.Resolution(
              t, m.get().ruleId(), reason, CommentText.fixedReply(headSha, reason)));
    }
    return out;
  }

  /** The policy's {@code review.event} as the REST API spells it. */
  static String apiEvent(String event) {
    return "request_changes".equals(event == null ? "" : event.toLowerCase(Locale.ROOT))
        ? "REQUEST_CHANGES"
        : "COMMENT";
  }
}
