package io.hullcheck.dockerfile;

import java.util.Optional;

/**
 * Variables visible in a stage, following BuildKit: a FROM line sees the global ARGs (with their
 * defaults, and as overridden by build args when given); later instructions see the stage's ARGs (a
 * redeclared global ARG takes the global value) and ENVs declared before them. Implementations are
 * immutable.
 */
public interface Scope {

  /**
   * Expands {@code $V}, {@code ${V}}, {@code ${V:-x}}, {@code ${V-x}}, {@code ${V:+x}}, {@code
   * ${V+x}} and escaped {@code \$} in {@code text} as seen by instruction {@code at} (its stage's
   * FROM for base images). Empty when the result depends on a variable that is declared without a
   * value or not declared at all: an unknown value is never guessed.
   */
  Optional<String> expand(String text, Instruction at);

  /** The value of one variable as seen by {@code at}; empty when unset or unknown. */
  Optional<String> variable(String name, Instruction at);
}
