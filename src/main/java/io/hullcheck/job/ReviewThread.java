package io.hullcheck.job;

/**
 * A review thread the App started earlier on this pull request, as the job needs it to stay
 * idempotent: the first comment's body carries the hidden fingerprint marker.
 *
 * @param threadId the GraphQL node id of the thread (for {@code resolveReviewThread})
 * @param rootCommentId the REST id of the thread's first comment (for replies)
 * @param line the current line on the RIGHT side, or null when the thread is outdated
 * @param body the first comment's body, markers included
 * @param resolved whether the thread is resolved on GitHub
 * @param humanReplied whether anyone but the App replied; such threads are never deleted (the job
 *     never deletes anything) and are still resolved when the finding is fixed
 */
public record ReviewThread(
    String threadId,
    long rootCommentId,
    String path,
    Integer line,
    String body,
    boolean resolved,
    boolean humanReplied) {}
