package io.hullcheck.dockerfile;

import io.hullcheck.model.Span;

/**
 * A comment line. {@code text} is what follows the {@code #}, with surrounding whitespace trimmed;
 * {@code span} covers the whole comment from the {@code #}.
 */
public record Comment(String text, Span span) {}
