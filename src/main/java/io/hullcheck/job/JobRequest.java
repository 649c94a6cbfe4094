package io.hullcheck.job;

/**
 * A request to review a pull request, as the server derives it from a webhook (or {@code review}
 * from a push).
 *
 * @param headSha the head the event was about; when the pull request has moved on by the time the
 *     job starts, the job completes a check run on this sha as {@code cancelled} and stops. Null
 *     means "whatever the head is now" (re-runs).
 * @param trigger a short word for logs ({@code opened}, {@code synchronize}, {@code rerequested})
 */
public record JobRequest(PrRef pr, String headSha, String trigger) {}
