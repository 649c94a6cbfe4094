package io.hullcheck.dockerfile;

import io.hullcheck.model.Span;

/**
 * An instruction flag such as {@code --platform=linux/amd64}. {@code name} is without dashes and
 * lower-case; {@code value} is null for a bare flag ({@code --link}); unknown flags are kept.
 *
 * @param span the whole flag from its dashes
 * @param valueSpan the value only, or null
 */
public record Flag(String name, String value, Span span, Span valueSpan) {}
