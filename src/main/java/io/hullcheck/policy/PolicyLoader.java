package io.hullcheck.policy;

import java.nio.file.Path;

/** Finds, reads and validates policy files; resolves built-in packs from {@code policies/}. */
public final class PolicyLoader {
  private PolicyLoader() {}

  /** A built-in pack by name: {@code default}, {@code strict} or {@code minimal}. */
  public static Policy builtin(String pack) {
    throw new UnsupportedOperationException("being written: see issue 3");
  }

  /**
   * The policy for a directory: {@code explicitConfig} when given, else {@code
   * .github/hullcheck.yml}, else {@code .hullcheck.yml} under {@code root}, else the built-in
   * {@code default} pack.
   */
  public static PolicyResult load(Path root, Path explicitConfig) {
    throw new UnsupportedOperationException("being written: see issue 3");
  }

  /** A policy from text, as the App reads it from a base commit. */
  public static PolicyResult parse(String path, String text) {
    throw new UnsupportedOperationException("being written: see issue 3");
  }
}
