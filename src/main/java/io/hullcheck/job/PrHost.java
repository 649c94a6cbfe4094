package io.hullcheck.job;

import java.util.List;

/**
 * Everything a {@link PrJob} needs from GitHub for one pull request. Implemented over GitHub's REST
 * and GraphQL APIs ({@code io.hullcheck.github.GitHubPrHost}) and by the local stand-in that {@code
 * hullcheck review} uses. One job calls one host from one thread, in order; implementations need
 * not be thread-safe across jobs unless they say so.
 *
 * <p>Every method either succeeds or throws {@link HostException} (after honouring {@code
 * Retry-After} and rate-limit headers, and spacing out content-creating calls, inside the host).
 * Implementations never log tokens, request bodies or response payloads.
 *
 * <p>Each method maps to the GitHub call named in its doc; the local stand-in records exactly those
 * requests.
 */
public interface PrHost {

  /** {@code GET /repos/{o}/{r}/pulls/{n}}. */
  PullRequest pullRequest(PrRef pr);

  /**
   * {@code GET /repos/{o}/{r}/pulls/{n}/files?per_page=100}, every page (GitHub lists at most 3000
   * files). Order as GitHub returns it.
   */
  List<ChangedFile> changedFiles(PrRef pr);

  /**
   * The credentials to fetch {@link PullRequest#cloneUrl()} with (an installation token limited to
   * the repository and {@code contents: read}). Called once per fetch; the result is used at once
   * and not kept.
   */
  GitCredentials gitCredentials(PrRef pr);

  /**
   * {@code POST /repos/{o}/{r}/check-runs} with {@code name}, {@code head_sha}, {@code status:
   * in_progress}, {@code started_at} and {@code external_id} ({@link PrRef#externalId()}).
   *
   * @return the check run id
   */
  long createCheckRun(PrRef pr, String name, String headSha, String externalId);

  /**
   * One {@code PATCH /repos/{o}/{r}/check-runs/{id}} carrying {@code output} with at most 50
   * annotations. The job plans the batches: it sends every batch but the last with a null
   * conclusion (the run stays {@code in_progress}), and the last with the conclusion, which sets
   * {@code status: completed} and {@code completed_at}. The host sends each update as exactly one
   * request and never re-batches.
   */
  void updateCheckRun(PrRef pr, long checkRunId, CheckRunUpdate update);

  /**
   * The review threads whose first comment this App wrote, resolved or not, outdated or not. On
   * GitHub: {@code GET /repos/{o}/{r}/pulls/{n}/comments} for bodies and ids, and the GraphQL
   * {@code pullRequest.reviewThreads} query for thread ids and resolution state.
   */
  List<ReviewThread> botThreads(PrRef pr);

  /**
   * {@code POST /repos/{o}/{r}/pulls/{n}/reviews} with {@code commit_id}, {@code body}, {@code
   * event} and {@code comments[]} of {@code path, line, side, start_line, start_side, body}.
   *
   * @return the review id
   * @throws ReviewRejectedException on 422; the job then retries once without the rejected comments
   */
  long createReview(PrRef pr, ReviewRequest review);

  /** {@code POST /repos/{o}/{r}/pulls/{n}/comments/{comment_id}/replies} with {@code body}. */
  void reply(PrRef pr, long commentId, String body);

  /**
   * {@code POST /graphql} with the {@code resolveReviewThread(input: {threadId})} mutation.
   * Resolving a resolved thread is not an error.
   */
  void resolveThread(PrRef pr, String threadId);
}
