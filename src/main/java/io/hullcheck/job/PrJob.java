package io.hullcheck.job;

import io.hullcheck.engine.Engine;
import java.util.function.BooleanSupplier;

/**
 * Reviews one pull request from request to published result, in named stages: read the pull
 * request, start the check run, load the policy from the BASE commit, list changed files, fetch,
 * evaluate head and base, plan, publish. Every run that created a check run completes it (success,
 * failure, neutral or cancelled), exceptions included.
 *
 * <p>Not thread-safe: one instance per job (the host is bound to one installation token).
 */
public final class PrJob {
  private final PrHost host;
  private final SourceFetcher fetcher;
  private final Engine engine;
  private final JobSettings settings;

  public PrJob(PrHost host, SourceFetcher fetcher, Engine engine, JobSettings settings) {
    this.host = host;
    this.fetcher = fetcher;
    this.engine = engine;
    this.settings = settings;
  }

  /**
   * Runs the job.
   *
   * @param cancelled polled between stages; once true, the check run completes as {@code cancelled}
   *     ("superseded by a newer push") and nothing else is published
   */
  public JobOutcome run(JobRequest request, BooleanSupplier cancelled) {
    throw new UnsupportedOperationException("being written on branch job");
  }
}
