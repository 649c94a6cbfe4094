package io.hullcheck.compose;

import io.hullcheck.model.Span;

/**
 * A scalar.
 *
 * @param raw the text as YAML reads it (quotes removed), before interpolation
 * @param value after Compose interpolation with defaults applied, {@code $$} turned into {@code $};
 *     null when it depends on a variable without a default (unknown); never a guess
 * @param quoted whether written in single or double quotes
 * @param tag the resolved YAML tag's short name: {@code str}, {@code int}, {@code float}, {@code
 *     bool}, {@code null}; a local tag as written, such as Compose's {@code !reset} or {@code
 *     !override} (its text is interpolated like a string)
 */
public record YScalar(String raw, String value, boolean quoted, String tag, Span span)
    implements YNode {

  public boolean known() {
    return value != null;
  }

  public boolean isNull() {
    return "null".equals(tag) && !quoted;
  }

  /** True for YAML and Compose truthy spellings of true when known. */
  public boolean isTrue() {
    return value != null && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes"));
  }
}
