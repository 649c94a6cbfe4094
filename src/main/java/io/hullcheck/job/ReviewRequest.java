package io.hullcheck.job;

import java.util.List;

/**
 * One {@code POST /repos/{o}/{r}/pulls/{n}/reviews}: submitted at once, never pending.
 *
 * @param commitId the head commit that was analysed
 * @param event {@code COMMENT} or {@code REQUEST_CHANGES}
 * @param body Markdown, at most 65536 chars; never empty (GitHub requires it for these events)
 */
public record ReviewRequest(
    String commitId, String event, String body, List<ReviewComment> comments) {
  public ReviewRequest {
    comments = List.copyOf(comments);
  }
}
