package io.hullcheck.job;

import java.util.Map;

/**
 * What one job did, for logs and metrics.
 *
 * @param headSha the reviewed commit
 * @param checkRunId the completed check run, or 0 if none could be created
 * @param conclusion how the check run ended
 * @param newFindings unsuppressed findings on the head that the base did not have
 * @param preExisting unsuppressed findings present on both
 * @param fixed findings the App had commented on earlier that are gone now
 * @param commentsPosted inline comments in this run's review
 * @param threadsResolved threads resolved in this run
 * @param bytesFetched pack bytes the fetch received
 * @param findingsByRule head findings (unsuppressed) per rule id
 */
public record JobOutcome(
    PrRef pr,
    String headSha,
    long checkRunId,
    CheckConclusion conclusion,
    int newFindings,
    int preExisting,
    int fixed,
    int commentsPosted,
    int threadsResolved,
    long bytesFetched,
    Map<String, Integer> findingsByRule) {}
