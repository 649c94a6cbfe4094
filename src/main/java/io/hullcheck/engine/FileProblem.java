package io.hullcheck.engine;

/** A file that could not be (fully) read: path, 1-based line and column, and what is wrong. */
public record FileProblem(String path, int line, int column, String message) {}
