package io.hullcheck.model;

/**
 * Input a parser could not read, as a value: where it is and what is wrong. Parsers never throw for
 * bad input; they return these and keep going where the real tool (BuildKit, Compose) would.
 *
 * @param span where the problem is; for a whole-file problem, the first line
 * @param related a second place that matters (the first of two duplicate keys), or null
 */
public record ParseProblem(Span span, String message, Span related) {
  public ParseProblem(Span span, String message) {
    this(span, message, null);
  }
}
