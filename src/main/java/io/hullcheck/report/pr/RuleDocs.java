package io.hullcheck.report.pr;

import io.hullcheck.rules.RuleMeta;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Titles, reasons and links of rules for PR texts. A rule id without metadata (an internal-error
 * finding, for example) reads as its id and has no rationale.
 */
public final class RuleDocs {
  private final Map<String, RuleMeta> byId = new HashMap<>();
  private final String baseUrl;

  /**
   * @param baseUrl the rule pages' location; a rule's page is {@code baseUrl + id + ".md"}
   */
  public RuleDocs(List<RuleMeta> catalogue, String baseUrl) {
    for (RuleMeta m : catalogue) {
      byId.put(m.id(), m);
    }
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
  }

  public String title(String ruleId) {
    RuleMeta m = byId.get(ruleId);
    return m == null ? ruleId : m.title();
  }

  /** Why the rule matters, or the empty string. */
  public String rationale(String ruleId) {
    RuleMeta m = byId.get(ruleId);
    return m == null || m.rationale() == null ? "" : m.rationale().strip();
  }

  public String url(String ruleId) {
    return baseUrl + ruleId + ".md";
  }

  /** {@code [`rule-id`](url)}. */
  public String link(String ruleId) {
    return "[`" + ruleId + "`](" + url(ruleId) + ")";
  }
}
