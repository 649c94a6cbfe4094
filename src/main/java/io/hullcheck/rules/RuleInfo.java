package io.hullcheck.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The metadata of a rule, on the rule's class. The docs page is {@code docs/rules/<id>.md}.
 * Equivalents name the same check in the peer tools, so users can migrate suppressions and compare.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  /** Stable kebab-case id, e.g. {@code port-all-interfaces}. */
  String id();

  /** Short title without a trailing period. */
  String title();

  Severity severity();

  io.hullcheck.rules.Target target();

  Category category();

  /** Whether the rule can offer a verified fix. */
  boolean fixable() default false;

  /** One or two sentences: why this matters. Used in review comments and docs. */
  String rationale();

  String[] hadolint() default {};

  String[] trivy() default {};

  String[] kics() default {};

  String[] checkov() default {};

  String[] dclint() default {};

  String[] cis() default {};

  /** Whether the built-in default pack enables it; style-only and contested rules ship off. */
  boolean enabledByDefault() default true;
}
