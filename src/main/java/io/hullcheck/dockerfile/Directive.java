package io.hullcheck.dockerfile;

import io.hullcheck.model.Span;

/** A parser directive such as {@code # escape=`}; {@code name} is lower-case. */
public record Directive(String name, String value, Span span) {}
