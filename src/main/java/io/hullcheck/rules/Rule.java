package io.hullcheck.rules;

import io.hullcheck.model.SourceFile;
import io.hullcheck.model.Span;

/**
 * A check. Implementations are pure: no I/O, no logging, no state between calls; options arrive in
 * the {@link RuleContext}, findings leave as values. Nothing found is an empty list. Subtypes say
 * what the rule reads ({@link DockerfileRule}, {@link ComposeRule}).
 */
public interface Rule {

  /** The metadata from this class's {@link RuleInfo}. */
  default RuleMeta meta() {
    return RuleMeta.CACHE.get(getClass());
  }

  /** A finding of this rule, with its default severity (the engine applies the policy's). */
  default Finding finding(SourceFile source, Span span, String message) {
    RuleMeta m = meta();
    return new Finding(
        m.id(), m.severity(), m.category(), source.path(), span, message, null, null, null);
  }

  /** A finding of this rule with a proposed fix; the engine offers the fix only once verified. */
  default Finding finding(SourceFile source, Span span, String message, Fix fix) {
    return finding(source, span, message).withFix(fix);
  }
}
