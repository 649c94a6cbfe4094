package io.hullcheck.server;

import io.hullcheck.job.JobOutcome;
import io.hullcheck.job.JobRequest;
import java.util.function.BooleanSupplier;

/**
 * Runs one pull-request job to the end; in the App, a {@code PrJob} over a {@code GitHubPrHost}.
 * Called from queue worker threads, one call per pull request at a time.
 */
@FunctionalInterface
public interface JobRunner {
  /**
   * @param cancelled becomes true when a newer head supersedes this job; the runner polls it
   *     between stages and then completes its check run as {@code cancelled}
   * @throws RuntimeException when the job failed; the delivery may then be redelivered
   */
  JobOutcome run(JobRequest request, BooleanSupplier cancelled);
}
