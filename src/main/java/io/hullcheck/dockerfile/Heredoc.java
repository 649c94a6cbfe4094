package io.hullcheck.dockerfile;

import io.hullcheck.model.Span;

/**
 * A heredoc attached to an instruction: {@code <<EOF}, {@code <<-EOF} or a quoted delimiter.
 *
 * @param delimiter the terminator word with quotes removed
 * @param body the content lines (tabs stripped for {@code <<-}), each ending in {@code \n} whatever
 *     the file's line ends
 * @param bodySpan the content lines as written, terminator line excluded: from the start of the
 *     first content line to the start of the terminator line (so it includes the last content
 *     line's line break; empty at the terminator for an empty body)
 * @param span from the first content line to the end of the terminator line
 * @param quoted whether the delimiter was quoted (then the body is not expanded)
 */
public record Heredoc(
    String delimiter, boolean stripTabs, boolean quoted, String body, Span bodySpan, Span span) {}
