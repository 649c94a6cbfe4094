package io.hullcheck.engine;

import java.util.Comparator;

/** A file that could not be (fully) read: path, 1-based line and column, and what is wrong. */
public record FileProblem(String path, int line, int column, String message) {

  /** By path, then position. */
  public static final Comparator<FileProblem> ORDER =
      Comparator.comparing(FileProblem::path)
          .thenComparingInt(FileProblem::line)
          .thenComparingInt(FileProblem::column)
          .thenComparing(FileProblem::message);
}
