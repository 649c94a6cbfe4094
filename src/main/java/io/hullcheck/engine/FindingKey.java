package io.hullcheck.engine;

import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.Finding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Identifies a finding without its line numbers, so the same finding can be recognised after an
 * edit moved it: the rule id, the offending text with whitespace collapsed, and the message with
 * digits masked (messages may mention lines). Identical findings are told apart by counting them
 * ({@link #count}), which is the occurrence index in another form.
 */
public record FindingKey(String ruleId, String text, String message) {
  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final Pattern DIGITS = Pattern.compile("\\d+");

  public static FindingKey of(Finding f, SourceFile source) {
    int start = Math.min(f.span().startOffset(), source.text().length());
    int end = Math.min(f.span().endOffset(), source.text().length());
    String text = SPACE.matcher(source.text().substring(start, end)).replaceAll(" ").trim();
    return new FindingKey(f.ruleId(), text, maskDigits(f.message()));
  }

  /** How often each key occurs. */
  public static Map<FindingKey, Integer> count(List<Finding> findings, SourceFile source) {
    Map<FindingKey, Integer> counts = new HashMap<>();
    for (Finding f : findings) {
      counts.merge(of(f, source), 1, Integer::sum);
    }
    return counts;
  }

  static String maskDigits(String s) {
    return s == null ? "" : DIGITS.matcher(s).replaceAll("#");
  }
}
