package io.hullcheck.dockerfile;

import io.hullcheck.model.Span;

/**
 * One {@code key=value} pair of ENV, ARG or LABEL (or the legacy {@code ENV key value} form).
 *
 * @param key the key as written
 * @param value the value with quotes removed and escapes resolved, variables NOT expanded; null for
 *     an ARG declared without a value
 * @param rawValue the value as written (what {@link Scope#expand} takes), or null
 * @param keySpan where the key is written
 * @param valueSpan where the value is written (quotes included), or null
 * @param span the whole pair
 */
public record KeyValue(
    String key, String value, String rawValue, Span keySpan, Span valueSpan, Span span) {}
