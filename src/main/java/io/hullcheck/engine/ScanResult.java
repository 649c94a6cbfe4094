package io.hullcheck.engine;

import io.hullcheck.rules.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a check produced.
 *
 * @param findings every finding, suppressed ones included (marked), sorted by path, line, column
 * @param problems parse problems per file, and files that could not be read
 * @param files how many files were checked
 * @param builtBy Dockerfile path → the compose services built from it, among the files checked
 */
public record ScanResult(
    List<Finding> findings,
    List<FileProblem> problems,
    int files,
    Map<String, List<BuildLink>> builtBy) {

  public ScanResult {
    findings = List.copyOf(findings);
    problems = List.copyOf(problems);
    builtBy = Map.copyOf(builtBy);
  }

  public ScanResult(List<Finding> findings, List<FileProblem> problems, int files) {
    this(findings, problems, files, Map.of());
  }

  /** This result with more problems (for example files the caller could not read). */
  public ScanResult withProblems(List<FileProblem> more) {
    List<FileProblem> all = new ArrayList<>(problems);
    all.addAll(more);
    all.sort(FileProblem.ORDER);
    return new ScanResult(findings, all, files, builtBy);
  }

  /** Findings no suppression matched. */
  public List<Finding> active() {
    return findings.stream().filter(f -> !f.suppressed()).toList();
  }

  public long suppressedCount() {
    return findings.stream().filter(Finding::suppressed).count();
  }
}
