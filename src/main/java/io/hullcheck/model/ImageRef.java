package io.hullcheck.model;

import java.util.Locale;
import java.util.Optional;

/**
 * A parsed image reference, {@code [registry/][namespace/]repository[:tag][@digest]}, as Docker
 * reads it. The registry is the first path component only when it contains a dot or a colon or is
 * {@code localhost}.
 *
 * @param registry null for Docker Hub
 * @param repository full path without registry, e.g. {@code library/python} is reported as {@code
 *     python}
 * @param tag null when absent
 * @param digest null when absent, else e.g. {@code sha256:abc...}
 */
public record ImageRef(String raw, String registry, String repository, String tag, String digest) {

  public static Optional<ImageRef> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = raw.trim();
    if (s.isEmpty() || s.chars().anyMatch(Character::isWhitespace)) {
      return Optional.empty();
    }
    String digest = null;
    int at = s.indexOf('@');
    if (at >= 0) {
      digest = s.substring(at + 1);
      s = s.substring(0, at);
    }
    String registry = null;
    int slash = s.indexOf('/');
    if (slash > 0) {
      String first = s.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        registry = first;
        s = s.substring(slash + 1);
      }
    }
    String tag = null;
    int colon = s.lastIndexOf(':');
    if (colon > s.lastIndexOf('/')) {
      tag = s.substring(colon + 1);
      s = s.substring(0, colon);
    }
    if (s.isEmpty()) {
      return Optional.empty();
    }
    String repo = s.toLowerCase(Locale.ROOT).startsWith("library/") ? s.substring(8) : s;
    return Optional.of(new ImageRef(raw, registry, repo, tag, digest));
  }

  /** An official Docker Hub image: no registry (or docker.io) and no namespace. */
  public boolean isOfficial() {
    return (registry == null || registry.equals("docker.io") || registry.equals("index.docker.io"))
        && !repository.contains("/");
  }

  /** Last path component of the repository, e.g. {@code python} for {@code library/python}. */
  public String name() {
    int slash = repository.lastIndexOf('/');
    return slash < 0 ? repository : repository.substring(slash + 1);
  }
}
