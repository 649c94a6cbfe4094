package io.hullcheck.job;

import io.hullcheck.report.pr.CommentText;
import io.hullcheck.report.pr.PrFinding;
import java.util.List;

/**
 * What one run will say in the review and do to earlier threads.
 *
 * @param inline new inline comments, at most {@code review.max_comments}, each with its finding
 * @param overflow findings that could go inline but exceed the limit (listed in the review body)
 * @param outsideDiff findings on lines the diff does not show (annotations only; the body counts
 *     them)
 * @param alreadyCommented findings whose fingerprint an earlier thread of the App carries
 * @param resolutions earlier threads whose finding is gone: reply and resolve
 * @param review the review to post, or null when there is no new inline comment (so a re-run or a
 *     redelivered webhook posts nothing)
 */
public record ReviewPlan(
    List<Placed> inline,
    List<PrFinding> overflow,
    List<PrFinding> outsideDiff,
    int alreadyCommented,
    List<Resolution> resolutions,
    ReviewRequest review) {

  /** A finding and the comment that carries it. */
  public record Placed(PrFinding finding, ReviewComment comment, boolean suggestion) {}

  /** An earlier thread to close, and why. */
  public record Resolution(
      ReviewThread thread, String ruleId, CommentText.Reason reason, String reply) {}
}
