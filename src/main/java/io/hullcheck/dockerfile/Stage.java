package io.hullcheck.dockerfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A build stage: a FROM and the instructions up to the next FROM.
 *
 * @param index 0-based position among stages
 * @param from the FROM instruction
 * @param image the base image as written (variables not expanded)
 * @param alias the {@code AS} name as written, or null
 * @param instructions the instructions after FROM in this stage
 * @param parent the earlier stage this one builds FROM, or null when it builds from an image
 * @param scope variable scope: global ARGs for FROM, then this stage's ARG/ENV in order
 */
public record Stage(
    int index,
    Instruction from,
    String image,
    String alias,
    List<Instruction> instructions,
    Stage parent,
    Scope scope) {

  /** The base image with global ARG defaults applied; empty when it depends on an unknown value. */
  public java.util.Optional<String> resolvedImage() {
    return scope.expand(image, from);
  }

  /** The instructions of this keyword in this stage, in order. */
  public List<Instruction> all(String keyword) {
    List<Instruction> out = new ArrayList<>();
    for (Instruction i : instructions) {
      if (i.is(keyword)) {
        out.add(i);
      }
    }
    return Collections.unmodifiableList(out);
  }
}
