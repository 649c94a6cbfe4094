package io.hullcheck.engine;

/** What a file is read as. */
public enum FileKind {
  DOCKERFILE,
  COMPOSE
}
