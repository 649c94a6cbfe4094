package io.hullcheck.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link RuleInfo} as a value, read once per rule class. */
public record RuleMeta(
    String id,
    String title,
    Severity severity,
    Target target,
    Category category,
    boolean fixable,
    String rationale,
    boolean enabledByDefault,
    Map<String, List<String>> equivalents) {

  /** Read once per rule class: rules ask for their metadata for every finding. */
  static final ClassValue<RuleMeta> CACHE =
      new ClassValue<>() {
        @Override
        protected RuleMeta computeValue(Class<?> type) {
          return of(type);
        }
      };

  public static RuleMeta of(Class<?> ruleClass) {
    RuleInfo info = ruleClass.getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalStateException(ruleClass.getName() + " has no @RuleInfo");
    }
    Map<String, List<String>> eq = new LinkedHashMap<>();
    eq.put("hadolint", List.of(info.hadolint()));
    eq.put("trivy", List.of(info.trivy()));
    eq.put("kics", List.of(info.kics()));
    eq.put("checkov", List.of(info.checkov()));
    eq.put("dclint", List.of(info.dclint()));
    eq.put("cis", List.of(info.cis()));
    return new RuleMeta(
        info.id(),
        info.title(),
        info.severity(),
        info.target(),
        info.category(),
        info.fixable(),
        info.rationale(),
        info.enabledByDefault(),
        Map.copyOf(eq));
  }

  /** Relative link to the rule's docs page from the repository root. */
  public String docsPath() {
    return "docs/rules/" + id + ".md";
  }
}
