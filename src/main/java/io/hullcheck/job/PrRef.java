package io.hullcheck.job;

/**
 * Which pull request a job is about: enough to address every API call, nothing that changes with a
 * push. Also the check run's {@code external_id} ({@link #externalId()}), so a re-run maps back to
 * the pull request without a search (fork PRs carry no {@code pull_requests} in check payloads).
 *
 * @param installationId the GitHub App installation that may act on the repository; 0 for the local
 *     stand-in
 */
public record PrRef(String owner, String repo, int number, long installationId) {

  /** {@code owner/repo#number}: the check run's {@code external_id}. */
  public String externalId() {
    return owner + "/" + repo + "#" + number;
  }

  /**
   * Parses an {@link #externalId()} back; null when the text is not one of ours.
   *
   * @param installationId taken from the webhook that carried the external id
   */
  public static PrRef fromExternalId(String externalId, long installationId) {
    if (externalId == null) {
      return null;
    }
    int slash = externalId.indexOf('/');
    int hash = externalId.lastIndexOf('#');
    if (slash <= 0 || hash <= slash + 1 || hash == externalId.length() - 1) {
      return null;
    }
    try {
      int number = Integer.parseInt(externalId.substring(hash + 1));
      return new PrRef(
          externalId.substring(0, slash),
          externalId.substring(slash + 1, hash),
          number,
          installationId);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public String fullName() {
    return owner + "/" + repo;
  }
}
