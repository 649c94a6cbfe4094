package io.hullcheck.job;

import java.util.Locale;

/** How a completed check run ended. */
public enum CheckConclusion {
  SUCCESS,
  FAILURE,
  NEUTRAL,
  CANCELLED,
  SKIPPED;

  /** The REST API's value ({@code success}, {@code failure}, ...). */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
