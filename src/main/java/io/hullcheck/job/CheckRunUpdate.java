package io.hullcheck.job;

/**
 * One {@code PATCH /repos/{o}/{r}/check-runs/{id}}.
 *
 * @param conclusion null keeps the run {@code in_progress} (used for all but the last annotation
 *     batch); non-null completes it with {@code status: completed} and {@code completed_at}
 * @param output never null
 */
public record CheckRunUpdate(CheckConclusion conclusion, CheckRunOutput output) {
  public boolean completes() {
    return conclusion != null;
  }
}
