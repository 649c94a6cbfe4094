package io.hullcheck.policy;

/**
 * A mistake in a policy file, shown to the user: where, what, and what would be valid.
 *
 * @param path the policy file as the user knows it
 * @param line 1-based
 * @param column 1-based
 */
public record PolicyError(String path, int line, int column, String message) {
  @Override
  public String toString() {
    return path + ":" + line + ":" + column + ": " + message;
  }
}
