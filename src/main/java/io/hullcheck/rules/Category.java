package io.hullcheck.rules;

import java.util.Locale;

/** What a rule is about. The first eleven are the classic mistakes a small team makes. */
public enum Category {
  USER,
  IMAGE_TAG,
  DOCKER_SOCKET,
  SECRETS,
  PORT_EXPOSURE,
  RESOURCE_LIMITS,
  BASE_IMAGE,
  HEALTHCHECK,
  HOST_NAMESPACE,
  LOGGING,
  PRIVILEGES,
  SUPPLY_CHAIN,
  BUILD_HYGIENE,
  CORRECTNESS,
  STYLE;

  /** The kebab-case id used in policy files and output, e.g. {@code image-tag}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
