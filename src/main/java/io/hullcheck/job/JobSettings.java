package io.hullcheck.job;

/**
 * Settings of the job that are not team policy.
 *
 * @param checkName the check run's name; stable, so branch protection can require it
 * @param docsBaseUrl where rule pages live; a rule's page is {@code docsBaseUrl + id + ".md"}
 */
public record JobSettings(String checkName, String docsBaseUrl) {
  public static final String DEFAULT_DOCS =
      "https://github.com/hullcheck/hullcheck/blob/main/docs/rules/";

  public static JobSettings defaults() {
    return new JobSettings("Hullcheck", DEFAULT_DOCS);
  }
}
