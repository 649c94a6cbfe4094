package io.hullcheck.rules;

import java.util.Locale;

/** How much a finding matters. Ordered from least to most severe. */
public enum Severity {
  INFO,
  WARNING,
  ERROR;

  /** The lower-case name used in policy files, JSON and text output. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
