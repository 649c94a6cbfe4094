package io.hullcheck.job;

import java.util.Locale;

/** A check-run annotation's {@code annotation_level}. */
public enum AnnotationLevel {
  NOTICE,
  WARNING,
  FAILURE;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
