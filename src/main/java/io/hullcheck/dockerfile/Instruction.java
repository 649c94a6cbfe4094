package io.hullcheck.dockerfile;

import io.hullcheck.model.Span;
import java.util.List;
import java.util.Optional;

/**
 * One instruction with exact positions.
 *
 * @param keyword upper-case keyword, e.g. {@code RUN}
 * @param span the whole instruction: keyword through the last continuation line or heredoc
 *     terminator
 * @param keywordSpan the keyword as written
 * @param flags flags in order, unknown ones included
 * @param args arguments after the flags: JSON elements in exec form, words in shell form
 * @param execForm whether the arguments are a valid JSON array of strings (malformed JSON is shell
 *     form, as in BuildKit)
 * @param argText the arguments as one string, continuations removed (escape + newline dropped,
 *     comment lines inside the continuation dropped), heredoc bodies excluded
 * @param argSpan where the arguments are written (from the first argument char to the end of the
 *     last one), or an empty span after the keyword when there are none
 * @param heredocs heredocs in the order they appear
 * @param onbuild for ONBUILD, the trigger instruction; else null
 * @param stageIndex the stage it belongs to, or -1 for instructions before the first FROM
 */
public record Instruction(
    String keyword,
    Span span,
    Span keywordSpan,
    List<Flag> flags,
    List<Word> args,
    boolean execForm,
    String argText,
    Span argSpan,
    List<Heredoc> heredocs,
    Instruction onbuild,
    int stageIndex) {

  public boolean is(String kw) {
    return keyword.equalsIgnoreCase(kw);
  }

  public Optional<Flag> flag(String name) {
    return flags.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
  }
}
