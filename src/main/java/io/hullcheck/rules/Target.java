package io.hullcheck.rules;

import java.util.Locale;

/** The kind of input a rule reads. */
public enum Target {
  DOCKERFILE,
  COMPOSE,
  /** The repository as a whole, e.g. its CI workflows. */
  REPOSITORY;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
