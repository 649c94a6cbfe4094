package io.hullcheck.job;

/**
 * The state of a pull request as the job reads it at the start of a run.
 *
 * @param baseSha the commit the policy is read from (never the head)
 * @param headSha the commit that is reviewed and gets the check run
 * @param draft whether GitHub marks the PR as a draft
 * @param fork whether the head lives in a fork; the job then still fetches {@code headSha} from
 *     {@code cloneUrl} (GitHub serves fork heads from the base repository), and never runs anything
 *     from the PR
 * @param cloneUrl the base repository's git URL, without credentials in it
 */
public record PullRequest(
    PrRef ref,
    String baseSha,
    String headSha,
    String baseRef,
    String headRef,
    boolean draft,
    boolean fork,
    String cloneUrl) {}
