package io.hullcheck.dockerfile;

import io.hullcheck.model.Span;
import java.util.List;
import java.util.Optional;

/**
 * One instruction with exact positions.
 *
 * <p>Arguments by keyword: HEALTHCHECK has its type word ({@code CMD}, {@code NONE}) as {@code
 * args[0]}, then the command's JSON elements or words, and {@code execForm} tells the form of that
 * command. ONBUILD has the trigger's words as {@code args} and the parsed trigger in {@code
 * onbuild}. Every other instruction has its words or JSON elements.
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
 *     last one), or an empty span after the keyword (and flags) when there are none
 * @param heredocs heredocs in the order they appear
 * @param onbuild for ONBUILD, the trigger instruction; else null
 * @param stageIndex the stage it belongs to, or -1 for instructions before the first FROM
 * @param keyValues for ENV, ARG and LABEL, the declared pairs in order; else empty
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
    int stageIndex,
    List<KeyValue> keyValues) {

  /** The original contract's constructor: no key/value pairs. */
  public Instruction(
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
    this(
        keyword,
        span,
        keywordSpan,
        flags,
        args,
        execForm,
        argText,
        argSpan,
        heredocs,
        onbuild,
        stageIndex,
        List.of());
  }

  /** Whether the keyword is {@code kw}, ignoring case. */
  public boolean is(String kw) {
    if (keyword.equals(kw)) {
      return true;
    }
    // Rules ask this of every instruction; most differ in length or in the first letter.
    return kw.length() == keyword.length()
        && (kw.charAt(0) | 0x20) == (keyword.charAt(0) | 0x20)
        && keyword.equalsIgnoreCase(kw);
  }

  /** The first flag of this name, ignoring case. */
  public Optional<Flag> flag(String name) {
    for (Flag f : flags) {
      if (f.name().equalsIgnoreCase(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** Every flag of this name in order (e.g. repeated {@code --mount}). Unmodifiable. */
  public List<Flag> flags(String name) {
    if (flags.isEmpty()) {
      return List.of();
    }
    return flags.stream().filter(f -> f.name().equalsIgnoreCase(name)).toList();
  }

  /** The pair declaring {@code key} (case-sensitive, as BuildKit), the last one if repeated. */
  public Optional<KeyValue> keyValue(String key) {
    KeyValue found = null;
    for (KeyValue kv : keyValues) {
      if (kv.key().equals(key)) {
        found = kv;
      }
    }
    return Optional.ofNullable(found);
  }
}
