package io.hullcheck.dockerfile;

import java.util.Optional;

/**
 * Variables visible in a stage, following BuildKit: a FROM line sees the global ARGs (with their
 * defaults, and as overridden by build args when given); later instructions see the stage's ARGs (a
 * redeclared global ARG takes the global value) and ENVs declared before them. Implementations are
 * immutable.
 *
 * <p>Build args are not known here: an ARG's default is taken as its value, and an ARG without a
 * default is unknown. ENV wins over an ARG of the same name. A stage built FROM an earlier stage
 * inherits its ENV. A name nothing declares is unknown inside a stage (the base image may set it),
 * but unset on a FROM line, where BuildKit expands it to empty (except the build platform ARGs such
 * as {@code TARGETARCH}, which are unknown).
 */
public interface Scope {

  /**
   * Expands {@code $V}, {@code ${V}}, {@code ${V:-x}}, {@code ${V-x}}, {@code ${V:+x}}, {@code
   * ${V+x}} and escaped {@code \$} in {@code text} as seen by instruction {@code at} (its stage's
   * FROM for base images). Empty when the result depends on a variable that is declared without a
   * value or not declared at all: an unknown value is never guessed.
   *
   * <p>{@code text} is source text as written ({@link Word#raw()}, {@link KeyValue#rawValue()}):
   * quotes are honoured and removed as BuildKit's shell lexer does, so {@code '$V'} stays literal.
   * {@code at} may be null for the end of the stage.
   */
  Optional<String> expand(String text, Instruction at);

  /** The value of one variable as seen by {@code at}; empty when unset or unknown. */
  Optional<String> variable(String name, Instruction at);

  /** Expands a word as written, as seen by {@code at}. */
  default Optional<String> expand(Word word, Instruction at) {
    return expand(word.raw(), at);
  }
}
