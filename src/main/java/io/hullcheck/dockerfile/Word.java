package io.hullcheck.dockerfile;

import io.hullcheck.model.Span;

/**
 * One argument of an instruction. For exec form, one JSON array element; for shell form, one
 * whitespace-separated word (quotes respected).
 *
 * @param value the text with quotes removed and escapes resolved, variables NOT expanded
 * @param raw the source text of the word (for a word split across a continuation, the joined text)
 * @param span where the word is written: for exec form the JSON string literal with its quotes, for
 *     shell form the word with its quotes
 */
public record Word(String value, String raw, Span span) {}
