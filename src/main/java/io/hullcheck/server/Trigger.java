package io.hullcheck.server;

import io.hullcheck.job.JobRequest;

/**
 * A job the server derived from one webhook delivery.
 *
 * @param explicit whether a person asked for it (Re-run, Re-run all, our buttons); an automatic
 *     trigger for a head that is already queued, running or just reviewed is dropped as a duplicate
 *     (a push sends both {@code pull_request.synchronize} and {@code check_suite.requested}), an
 *     explicit one runs again
 */
public record Trigger(JobRequest request, boolean explicit) {}
