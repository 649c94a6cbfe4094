package io.hullcheck.rules;

import java.util.Locale;

/** The kind of input a rule reads. */
public enum Target {
  DOCKERFILE,
  COMPOSE,
  /**
   * The repository as a whole, e.g. its CI workflows. Such a rule is a {@link DockerfileRule} that
   * reads {@link RuleContext#repository()}, which the engine hands to the first Dockerfile only,
   * and reports on that Dockerfile.
   */
  REPOSITORY;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
