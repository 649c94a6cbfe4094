package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Flag;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code COPY --from} (and {@code ADD --from}) references of a Dockerfile with their values
 * expanded. Package-private helper of the stage-reference rules.
 */
final class CopyFromStages {
  private CopyFromStages() {}

  /**
   * One reference.
   *
   * @param stage the stage the COPY is in
   * @param copy the COPY instruction
   * @param flag the {@code --from} flag
   * @param value the expanded value
   */
  record Ref(Stage stage, Instruction copy, Flag flag, String value) {

    /** The stage index the value names when it is a number, else -1. */
    int index() {
      if (value.isEmpty() || !value.chars().allMatch(Character::isDigit) || value.length() > 6) {
        return -1;
      }
      return Integer.parseInt(value);
    }

    /** Whether it names this reference's own stage, by alias or index. */
    boolean isOwnStage() {
      return index() == stage.index()
          || (stage.alias() != null && stage.alias().equalsIgnoreCase(value));
    }
  }

  /** Every reference whose value is known; a value with an unknown variable is left out. */
  static List<Ref> refs(Dockerfile dockerfile) {
    List<Ref> refs = new ArrayList<>();
    for (Stage stage : dockerfile.stages()) {
      for (Instruction ins : stage.instructions()) {
        if (!ins.is("COPY") && !ins.is("ADD")) {
          continue;
        }
        Optional<Flag> from = ins.flag("from");
        if (from.isEmpty() || from.get().valueSpan() == null) {
          continue;
        }
        String raw = dockerfile.source().slice(from.get().valueSpan());
        stage
            .scope()
            .expand(raw, ins)
            .map(String::trim)
            .filter(v -> !v.isEmpty())
            .ifPresent(v -> refs.add(new Ref(stage, ins, from.get(), v)));
      }
    }
    return refs;
  }
}
