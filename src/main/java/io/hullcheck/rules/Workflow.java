package io.hullcheck.rules;

import java.util.List;

/**
 * What a CI workflow runs, reduced to words: the {@code uses:} references of its steps and the
 * shell words of its {@code run:} scripts.
 *
 * @param path the workflow file, relative to the scanned root
 * @param uses every {@code uses:} value, as written (for example {@code
 *     aquasecurity/trivy-action@0.28.0})
 * @param runs every {@code run:} script, as written
 * @param readable false when the file could not be parsed; then nothing is known about it
 */
public record Workflow(String path, List<String> uses, List<String> runs, boolean readable) {
  public Workflow {
    uses = List.copyOf(uses);
    runs = List.copyOf(runs);
  }

  public static Workflow unreadable(String path) {
    return new Workflow(path, List.of(), List.of(), false);
  }
}
