package io.hullcheck.compose;

import io.hullcheck.model.Span;
import java.util.List;

/** A sequence. */
public record YSeq(List<YNode> items, Span span) implements YNode {}
