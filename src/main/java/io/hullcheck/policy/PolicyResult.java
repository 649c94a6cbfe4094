package io.hullcheck.policy;

import java.util.List;

/**
 * A loaded policy, or the errors that stop it from loading. A broken file never falls back to
 * defaults: {@code policy} is null whenever {@code errors} is not empty.
 *
 * @param source the policy file used, or null for the built-in default
 */
public record PolicyResult(Policy policy, List<PolicyError> errors, String source) {
  public boolean ok() {
    return errors.isEmpty();
  }
}
