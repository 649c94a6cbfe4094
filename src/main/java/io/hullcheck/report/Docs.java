package io.hullcheck.report;

import io.hullcheck.rules.RuleMeta;

/** Where a rule's documentation page is published, for links in SARIF and review comments. */
public final class Docs {
  /** The repository's tree on its default branch; {@code docs/rules/<id>.md} is appended. */
  public static final String DEFAULT_BASE = "https://github.com/hullcheck/hullcheck/blob/main/";

  private Docs() {}

  /** The absolute URL of a rule's page under {@code base} (which ends with {@code /}). */
  public static String url(String base, RuleMeta rule) {
    return base + rule.docsPath();
  }

  /** The absolute URL of the page for a rule id under {@link #DEFAULT_BASE}. */
  public static String url(String ruleId) {
    return DEFAULT_BASE + "docs/rules/" + ruleId + ".md";
  }
}
