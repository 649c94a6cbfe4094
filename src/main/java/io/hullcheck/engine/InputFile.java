package io.hullcheck.engine;

import io.hullcheck.model.SourceFile;

/** A file to check, with its kind already decided. */
public record InputFile(SourceFile source, FileKind kind) {}
