package io.hullcheck.rules;

import java.util.List;

/**
 * A read-only view of the repository around the checked files, supplied by the caller of the
 * engine: its Dockerfiles and its CI workflows. The engine hands it to one Dockerfile only (the
 * first checked one, in path order), so a repository-level finding is reported once. Immutable.
 *
 * @param dockerfiles every Dockerfile of the repository, relative to the scanned root, sorted
 * @param workflows the files under {@code .github/workflows} ending in {@code .yml} or {@code
 *     .yaml}, sorted by path
 */
public record RepositoryView(List<String> dockerfiles, List<Workflow> workflows) {
  public RepositoryView {
    dockerfiles = List.copyOf(dockerfiles);
    workflows = List.copyOf(workflows);
  }
}
