package io.hullcheck.report.pr;

import io.hullcheck.rules.Finding;
import java.util.List;

/** The Markdown of review comments, review bodies and replies. Pure functions. */
public final class CommentText {
  private CommentText() {}

  /**
   * An inline comment: rule title and link, the finding's message, why it matters, the suggested
   * change (or the fix's description when no suggestion can be placed), and the hidden marker.
   *
   * @param suggestion null when there is none to show
   * @param anchoredElsewhere true when the comment sits on the suggestion's lines rather than the
   *     finding's own line, so the text names the finding's line
   */
  public static String inline(
      PrFinding pf, Suggestion suggestion, boolean anchoredElsewhere, RuleDocs docs) {
    Finding f = pf.finding();
    StringBuilder sb = new StringBuilder();
    sb.append("**")
        .append(docs.title(f.ruleId()))
        .append("** · ")
        .append(f.severity().id())
        .append(" · ")
        .append(docs.link(f.ruleId()))
        .append("\n\n");
    if (anchoredElsewhere) {
      sb.append("Line ").append(f.span().startLine()).append(": ");
    }
    sb.append(f.message()).append('\n');
    if (f.note() != null && !f.note().isBlank()) {
      sb.append("\n_").append(f.note().strip()).append("_\n");
    }
    String why = docs.rationale(f.ruleId());
    if (!why.isEmpty()) {
      sb.append("\n**Why it matters:** ").append(why).append('\n');
    }
    if (suggestion != null) {
      sb.append('\n');
      if (f.fix() != null && f.fix().description() != null) {
        sb.append("Suggested fix: ").append(f.fix().description()).append('\n');
      }
      sb.append(suggestion.block()).append('\n');
    } else if (f.fix() != null && f.fix().description() != null) {
      sb.append("\nFix (`hullcheck fix` applies it): ").append(f.fix().description()).append('\n');
    }
    if (!pf.isNew()) {
      sb.append("\n_This finding was already present on the base branch._\n");
    }
    sb.append('\n').append(Fingerprints.marker(pf.fingerprint(), f.ruleId()));
    return Limits.trim(sb.toString(), Limits.COMMENT_BODY, "see the check run for the rest");
  }

  /**
   * The body of a review: what this push brought, every finding that deserved an inline comment but
   * did not get one (over the limit, or refused by GitHub), and how many findings sit on lines the
   * diff does not show (those stay annotations in the check run only).
   *
   * @param overflow findings that would have been inline but exceeded {@code maxComments}
   * @param unplaced findings whose comments GitHub refused to place
   * @param outsideDiff how many findings are on lines this pull request does not change
   */
  public static String reviewBody(
      String headSha,
      int inline,
      int maxComments,
      List<PrFinding> overflow,
      List<PrFinding> unplaced,
      int outsideDiff,
      String checkSummaryLine,
      RuleDocs docs) {
    StringBuilder sb = new StringBuilder();
    sb.append("**Hullcheck** reviewed `").append(shortSha(headSha)).append("`: ");
    sb.append(checkSummaryLine).append('\n');
    if (inline > 0) {
      sb.append('\n')
          .append(inline)
          .append(inline == 1 ? " finding is" : " findings are")
          .append(" commented inline below.\n");
    }
    if (!overflow.isEmpty()) {
      sb.append("\nOver the limit of ")
          .append(maxComments)
          .append(" inline comments per review (`review.max_comments`):\n");
      appendList(sb, overflow, docs);
    }
    if (!unplaced.isEmpty()) {
      sb.append("\nGitHub could not place these comments on the diff:\n");
      appendList(sb, unplaced, docs);
    }
    if (outsideDiff > 0) {
      sb.append('\n')
          .append(outsideDiff)
          .append(outsideDiff == 1 ? " finding is" : " findings are")
          .append(
              " on lines this pull request does not change; see the check run's annotations.\n");
    }
    return Limits.trim(sb.toString(), Limits.COMMENT_BODY, "see the check run for every finding");
  }

  private static void appendList(StringBuilder sb, List<PrFinding> findings, RuleDocs docs) {
    for (PrFinding pf : findings) {
      Finding f = pf.finding();
      sb.append("- `")
          .append(f.path())
          .append(':')
          .append(f.span().startLine())
          .append("` ")
          .append(f.severity().id())
          .append(' ')
          .append(docs.link(f.ruleId()))
          .append(": ")
          .append(oneLine(f.message()))
          .append('\n');
    }
  }

  /** The reply on a thread whose finding is gone. */
  public static String fixedReply(String headSha, Reason reason) {
    String sha = shortSha(headSha);
    return switch (reason) {
      case FIXED -> "Fixed in " + sha + ". Resolving this thread.";
      case SUPPRESSED -> "Suppressed with a reason in " + sha + ". Resolving this thread.";
      case FILE_UNCHANGED ->
          "As of " + sha + " this pull request no longer changes this file. Resolving this thread.";
    };
  }

  /** Why a commented finding no longer stands. */
  public enum Reason {
    FIXED,
    SUPPRESSED,
    FILE_UNCHANGED
  }

  public static String shortSha(String sha) {
    return sha == null ? "?" : sha.substring(0, Math.min(7, sha.length()));
  }

  static String oneLine(String s) {
    return s.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
