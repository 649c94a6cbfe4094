package io.hullcheck.dockerfile;

import io.hullcheck.model.ParseProblem;
import io.hullcheck.model.SourceFile;
import java.util.List;
import java.util.Optional;

/**
 * A parsed Dockerfile. Produced only by {@link DockerfileParser#parse}; never null fields.
 *
 * @param escape the active escape character, {@code '\\'} or {@code '`'}
 * @param directives parser directives from the top of the file ({@code syntax}, {@code escape},
 *     {@code check})
 * @param instructions every instruction in file order, ONBUILD included (its trigger is in {@link
 *     Instruction#onbuild()}); an unknown keyword is kept, upper-cased, beside its problem
 * @param globalArgs the ARG instructions before the first FROM
 * @param stages build stages in order; empty when there is no FROM
 * @param comments every comment line that is not a parser directive, including those inside
 *     continuations
 * @param problems what could not be parsed; the rest of the file is still modelled where BuildKit
 *     would still build it
 */
public record Dockerfile(
    SourceFile source,
    char escape,
    List<Directive> directives,
    List<Instruction> instructions,
    List<Instruction> globalArgs,
    List<Stage> stages,
    List<Comment> comments,
    List<ParseProblem> problems) {

  public Optional<Stage> finalStage() {
    return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1));
  }

  /**
   * The global ARGs' scope: what a FROM line sees (instructions passed as {@code at} see the ARGs
   * declared before them; null sees them all). Useful where there is no stage.
   */
  public Scope globalScope() {
    return StageAssembler.globalScope(escape, globalArgs);
  }

  /** The stage with this alias (case-insensitive), if any, before {@code beforeIndex}. */
  public Optional<Stage> stageNamed(String alias, int beforeIndex) {
    for (int i = Math.min(beforeIndex, stages.size()) - 1; i >= 0; i--) {
      Stage s = stages.get(i);
      if (s.alias() != null && s.alias().equalsIgnoreCase(alias)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
