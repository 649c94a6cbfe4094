package io.hullcheck.engine;

import io.hullcheck.rules.Finding;
import java.util.List;

/**
 * What a check produced.
 *
 * @param findings every finding, suppressed ones included (marked), sorted by path, line, column
 * @param problems parse problems per file
 * @param files how many files were checked
 */
public record ScanResult(List<Finding> findings, List<FileProblem> problems, int files) {}
