package io.hullcheck.policy;

import io.hullcheck.rules.Severity;
import java.util.Locale;

/** A rule or category setting as written in a policy file: off, or on at a severity. */
enum Level {
  OFF,
  INFO,
  WARNING,
  ERROR;

  static Level parse(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }

  /** The severity this level turns a rule on at; null for {@code off}. */
  Severity severity() {
    return switch (this) {
      case OFF -> null;
      case INFO -> Severity.INFO;
      case WARNING -> Severity.WARNING;
      case ERROR -> Severity.ERROR;
    };
  }

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
