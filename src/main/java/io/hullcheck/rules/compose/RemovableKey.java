package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.YEntry;
import io.hullcheck.compose.YScalar;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.TextEdit;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The loop shared by the rules that find one service-level key with a bad scalar value and fix it
 * by deleting the key: each finding points where the value is written (the anchor when it is merged
 * in, see {@link ValueFindings}), and the fix deletes the entry there. Pure.
 */
final class RemovableKey {
  private RemovableKey() {}

  /**
   * @param context whether fixes are wanted ({@link RuleContext#fixes()})
   * @param bad whether a scalar value of {@code key} is reported; unknown values should not be
   * @param message the finding's message for a bad value
   * @param fixDescription what the fix says it does, e.g. {@code Remove privileged: true}
   */
  static List<Finding> find(
      ComposeRule rule,
      ComposeFile compose,
      RuleContext context,
      String key,
      Predicate<YScalar> bad,
      Function<YScalar, String> message,
      String fixDescription) {
    if (compose.root() == null) {
      return List.of();
    }
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    ValueFindings found = new ValueFindings(rule, compose, context);
    for (Service s : compose.services()) {
      YEntry e = s.body().entry(key).orElse(null);
      if (e == null || !(e.value() instanceof YScalar v) || !bad.test(v)) {
        continue;
      }
      found.add(
          s, key, edits.written(e), message.apply(v), () -> removal(edits, e, fixDescription));
    }
    return found.findings();
  }

  /** A fix that deletes the entry where it is written, or null when no safe edit exists. */
  static Fix removal(YamlEdits edits, YEntry e, String description) {
    TextEdit delete = edits.deleteEntry(e);
    return delete == null ? null : Fix.of(description, delete);
  }
}
