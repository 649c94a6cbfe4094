package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Word;
import io.hullcheck.model.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code NAME=value} of an ARG, ENV or LABEL, or the legacy {@code ENV NAME value} form.
 *
 * @param value the value with quotes removed, or null when none is given ({@code ARG NAME})
 * @param rawValue the value as written, or null
 * @param span the whole pair as written
 */
record KeyValue(String name, String value, String rawValue, Span span) {

  static List<KeyValue> of(Instruction ins) {
    List<Word> args = ins.args();
    List<KeyValue> out = new ArrayList<>();
    if (args.isEmpty()) {
      return out;
    }
    Word first = args.get(0);
    if (ins.is("ENV") && !first.value().contains("=") && args.size() > 1) {
      // Legacy form: ENV NAME the rest of the line.
      Word lastWord = args.get(args.size() - 1);
      String rest = ins.argText().strip().substring(first.raw().length()).strip();
      String value =
          String.join(" ", args.subList(1, args.size()).stream().map(Word::value).toList());
      out.add(new KeyValue(first.value(), value, rest, first.span().union(lastWord.span())));
      return out;
    }
    for (Word w : args) {
      int eq = w.value().indexOf('=');
      if (eq < 0) {
        out.add(new KeyValue(w.value(), null, null, w.span()));
        continue;
      }
      int rawEq = w.raw().indexOf('=');
      String raw = rawEq < 0 ? w.value().substring(eq + 1) : w.raw().substring(rawEq + 1);
      out.add(new KeyValue(w.value().substring(0, eq), w.value().substring(eq + 1), raw, w.span()));
    }
    return out;
  }
}
