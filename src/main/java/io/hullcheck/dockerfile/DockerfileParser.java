package io.hullcheck.dockerfile;

import io.hullcheck.model.ParseProblem;
import io.hullcheck.model.SourceFile;
import io.hullcheck.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses Dockerfiles following BuildKit's grammar. Never throws on bad input: problems come back in
 * {@link Dockerfile#problems()}. Thread-safe.
 *
 * <p>One forward pass over the lines: parser directives at the top, then instructions with their
 * continuation lines joined (comment and blank lines inside a continuation skipped, as BuildKit
 * does), then the heredoc bodies an instruction opened. Stages and scopes are assembled afterwards
 * by {@link StageAssembler}.
 */
public final class DockerfileParser {
  private DockerfileParser() {}

  /** The instruction keywords BuildKit knows. */
  static final Set<String> KEYWORDS =
      Set.of(
          "ADD",
          "ARG",
          "CMD",
          "COPY",
          "ENTRYPOINT",
          "ENV",
          "EXPOSE",
          "FROM",
          "HEALTHCHECK",
          "LABEL",
          "MAINTAINER",
          "ONBUILD",
          "RUN",
          "SHELL",
          "STOPSIGNAL",
          "USER",
          "VOLUME",
          "WORKDIR");

  /** The same keywords, most frequent first, for matching without allocating. */
  private static final String[] KEYWORD_ORDER = {
    "RUN",
    "COPY",
    "FROM",
    "ENV",
    "ARG",
    "LABEL",
    "WORKDIR",
    "CMD",
    "ENTRYPOINT",
    "EXPOSE",
    "USER",
    "ADD",
    "VOLUME",
    "HEALTHCHECK",
    "SHELL",
    "ONBUILD",
    "STOPSIGNAL",
    "MAINTAINER"
  };

  private static final Set<String> DIRECTIVES = Set.of("syntax", "escape", "check");

  public static Dockerfile parse(SourceFile source) {
    return new Reader(source).read();
  }

  /** The state of one parse. */
  private static final class Reader {
    private final SourceFile source;
    private final String text;
    private final int n;
    private final SpanFactory spans;
    private final LogicalLine line;
    private final List<Directive> directives = new ArrayList<>(2);
    private final List<Comment> comments = new ArrayList<>();
    private final List<Instruction> instructions = new ArrayList<>();
    private final List<ParseProblem> problems = new ArrayList<>(0);
    private char escape = '\\';
    private int pos;
    private int stageIndex = -1;

    Reader(SourceFile source) {
      this.source = source;
      this.text = source.text();
      this.n = text.length();
      this.spans = new SpanFactory(source);
      this.line = new LogicalLine(spans, text);
    }

    Dockerfile read() {
      pos = n > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
      boolean directivesOpen = true;
      while (pos < n) {
        int start = pos;
        int end = lineEnd(start);
        pos = nextLineStart(end);
        int first = skipSpaces(start, end);
        if (directivesOpen) {
          directivesOpen = directive(first, end);
          if (directivesOpen) {
            continue;
          }
        }
        if (first == end) {
          continue;
        }
        if (text.charAt(first) == '#') {
          comment(first, end);
          continue;
        }
        instruction(first, end);
      }
      if (instructions.isEmpty()) {
        problems.add(new ParseProblem(source.lineSpan(1), "file with no instructions"));
      }
      return StageAssembler.assemble(source, escape, directives, instructions, comments, problems);
    }

    // ---- lines ------------------------------------------------------------------------------

    /** End of the line's content: the next CR or LF, as {@link SourceFile} counts lines. */
    private int lineEnd(int start) {
      int i = start;
      while (i < n) {
        char c = text.charAt(i);
        if (c == '\n' || c == '\r') {
          return i;
        }
        i++;
      }
      return n;
    }

    private int nextLineStart(int end) {
      if (end >= n) {
        return n;
      }
      if (text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') {
        return end + 2;
      }
      return end + 1;
    }

    private int skipSpaces(int i, int end) {
      while (i < end && ShellWords.isSpace(text.charAt(i))) {
        i++;
      }
      return i;
    }

    private int trimEnd(int start, int end) {
      while (end > start && ShellWords.isSpace(text.charAt(end - 1))) {
        end--;
      }
      return end;
    }

    // ---- directives and comments --------------------------------------------------------------

    /**
     * Reads {@code # name=value} at the top of the file. Returns false for the first line that is
     * not a known directive, which ends the directive section for good (BuildKit: a blank line,
     * another comment or an instruction all end it).
     */
    private boolean directive(int first, int end) {
      if (first >= end || text.charAt(first) != '#') {
        return false;
      }
      int i = skipDirectiveSpace(first + 1, end);
      int nameStart = i;
      if (i >= end || !isAsciiLetter(text.charAt(i))) {
        return false;
      }
      while (i < end && (isAsciiLetter(text.charAt(i)) || isAsciiDigit(text.charAt(i)))) {
        i++;
      }
      String name = text.substring(nameStart, i).toLowerCase(Locale.ROOT);
      i = skipDirectiveSpace(i, end);
      if (i >= end || text.charAt(i) != '=') {
        return false;
      }
      int valueStart = skipDirectiveSpace(i + 1, end);
      int valueEnd = end;
      while (valueEnd > valueStart && isDirectiveSpace(text.charAt(valueEnd - 1))) {
        valueEnd--;
      }
      if (valueEnd == valueStart || !DIRECTIVES.contains(name)) {
        return false;
      }
      String value = text.substring(valueStart, valueEnd);
      Span span = spans.span(first, valueEnd);
      for (Directive d : directives) {
        if (d.name().equals(name)) {
          problems.add(
              new ParseProblem(
                  span, "only one " + name + " parser directive can be used", d.span()));
          return true;
        }
      }
      if (name.equals("escape")) {
        if (value.equals("\\") || value.equals("`")) {
          escape = value.charAt(0);
        } else {
          problems.add(
              new ParseProblem(
                  spans.span(valueStart, valueEnd),
                  "invalid escape token '" + value + "': use ` or \\"));
        }
      }
      directives.add(new Directive(name, value, span));
      return true;
    }

    private int skipDirectiveSpace(int i, int end) {
      while (i < end && isDirectiveSpace(text.charAt(i))) {
        i++;
      }
      return i;
    }

    /** Go's {@code \s}: space, tab, form feed, CR, LF. */
    private static boolean isDirectiveSpace(char c) {
      return c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\n';
    }

    private static boolean isAsciiLetter(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private void comment(int hash, int end) {
      int from = skipSpaces(hash + 1, end);
      int to = trimEnd(from, end);
      comments.add(new Comment(text.substring(from, to), spans.span(hash, end)));
    }

    // ---- instructions ----------------------------------------------------------------------

    /** Reads one instruction starting at {@code first}, with its continuations and heredocs. */
    private void instruction(int first, int end) {
      line.reset();
      boolean continued = appendPhysicalLine(first, end);
      while (continued && pos < n) {
        int start = pos;
        int lineEnd = lineEnd(start);
        pos = nextLineStart(lineEnd);
        int f = skipSpaces(start, lineEnd);
        if (f == lineEnd) {
          continue; // empty continuation line: skipped (BuildKit warns, still builds)
        }
        if (text.charAt(f) == '#') {
          comment(f, lineEnd);
          continue;
        }
        continued = appendPhysicalLine(start, lineEnd);
      }
      int to = ShellWords.trimEnd(line, 0, line.length());
      if (to == 0) {
        problems.add(
            new ParseProblem(
                spans.span(first, line.endOffset()),
                "line continuation at end of file with nothing to continue"));
        return;
      }
      Draft draft = draft(0, to);
      int stage = draft.keyword.equals("FROM") ? ++stageIndex : stageIndex;
      List<Heredoc> heredocs = heredocs(draft);
      int endOffset = line.endOffset();
      if (!heredocs.isEmpty()) {
        endOffset = Math.max(endOffset, heredocs.get(heredocs.size() - 1).span().endOffset());
      }
      instructions.add(draft.build(endOffset, heredocs, stage));
    }

    /**
     * Appends a physical line to the logical line; returns whether it ends in a continuation: the
     * escape char as the last non-blank char, not itself escaped (BuildKit's rule).
     */
    private boolean appendPhysicalLine(int start, int end) {
      int k = end;
      while (k > start && (text.charAt(k - 1) == ' ' || text.charAt(k - 1) == '\t')) {
        k--;
      }
      boolean continued =
          k > start
              && text.charAt(k - 1) == escape
              && (k - 1 == start || text.charAt(k - 2) != escape);
      if (continued) {
        line.append(text, start, k - 1);
        line.setEndOffset(k);
      } else {
        line.append(text, start, end);
        line.setEndOffset(Math.max(trimEnd(start, end), line.endOffset()));
      }
      return continued;
    }

    /** Parses logical range {@code [from, to)} as one instruction (ONBUILD recurses). */
    private Draft draft(int from, int to) {
      Draft d = new Draft();
      int i = ShellWords.skipSpaces(line, from, to);
      int kwEnd = i;
      while (kwEnd < to && !ShellWords.isSpace(line.charAt(kwEnd))) {
        kwEnd++;
      }
      String known = line.knownUpperCase(i, kwEnd, KEYWORD_ORDER);
      d.keyword = known != null ? known : line.text(i, kwEnd).toUpperCase(Locale.ROOT);
      d.keywordSpan = line.span(i, kwEnd);
      d.start = line.sourceStart(i);
      int argStart = ShellWords.flags(line, kwEnd, to, d.flags);
      int argEnd = Math.max(argStart, to);
      d.argText = line.text(argStart, argEnd);
      if (argStart < argEnd) {
        d.argSpan = line.span(argStart, argEnd);
      } else {
        int at = d.flags.isEmpty() ? d.keywordSpan.endOffset() : lastFlagEnd(d.flags);
        d.argSpan = spans.span(at, at);
      }
      if (!KEYWORDS.contains(d.keyword)) {
        problems.add(new ParseProblem(d.keywordSpan, "unknown instruction: " + d.keyword));
      }
      switch (d.keyword) {
        case "CMD", "ENTRYPOINT", "RUN", "SHELL", "ADD", "COPY", "VOLUME" ->
            maybeJson(d, argStart, argEnd);
        case "HEALTHCHECK" -> healthcheck(d, argStart, argEnd);
        case "ONBUILD" -> {
          ShellWords.split(line, argStart, argEnd, escape, d.args);
          if (argStart < argEnd) {
            d.trigger = draft(argStart, argEnd);
            checkTrigger(d.trigger);
          }
        }
        case "ENV", "LABEL" -> {
          ShellWords.split(line, argStart, argEnd, escape, d.args);
          nameValues(d, argStart, argEnd);
        }
        case "ARG" -> {
          ShellWords.split(line, argStart, argEnd, escape, d.args);
          argPairs(d);
        }
        default -> ShellWords.split(line, argStart, argEnd, escape, d.args);
      }
      checkArguments(d);
      return d;
    }

    private static int lastFlagEnd(List<Flag> flags) {
      return flags.get(flags.size() - 1).span().endOffset();
    }

    private void maybeJson(Draft d, int from, int to) {
      if (from < to && line.charAt(from) == '[') {
        JsonArray.Result r = JsonArray.parse(line, from, to, d.args);
        if (r == JsonArray.Result.EXEC) {
          d.execForm = true;
          return;
        }
        if (r == JsonArray.Result.NOT_STRING_ARRAY) {
          problems.add(
              new ParseProblem(
                  line.span(from, to),
                  "when using JSON array syntax, arrays can only contain strings"));
        }
      }
      ShellWords.split(line, from, to, escape, d.args);
    }

    /** {@code HEALTHCHECK [flags] TYPE command}: the type word, then the command maybe as JSON. */
    private void healthcheck(Draft d, int from, int to) {
      if (from >= to) {
        return;
      }
      int typeEnd = from;
      while (typeEnd < to && !ShellWords.isSpace(line.charAt(typeEnd))) {
        typeEnd++;
      }
      d.args.add(ShellWords.word(line, from, typeEnd, escape));
      maybeJson(d, ShellWords.skipSpaces(line, typeEnd, to), to);
    }

    /**
     * ENV and LABEL pairs. The first word decides the form, as in BuildKit: with an {@code =} every
     * word is {@code key=value}; without, it is the legacy {@code KEY value...} form.
     */
    private void nameValues(Draft d, int from, int to) {
      if (d.args.isEmpty()) {
        return;
      }
      Word first = d.args.get(0);
      if (first.raw().indexOf('=') < 0) {
        if (d.args.size() < 2) {
          problems.add(new ParseProblem(d.argSpan, d.keyword + " must have two arguments"));
          d.keyValues.add(new KeyValue(first.raw(), null, null, first.span(), null, first.span()));
          return;
        }
        int firstEnd = ShellWords.wordEnd(line, ShellWords.skipSpaces(line, from, to), to, escape);
        int valueStart = ShellWords.skipSpaces(line, firstEnd, to);
        String raw = line.text(valueStart, to);
        Span valueSpan = line.span(valueStart, to);
        d.keyValues.add(
            new KeyValue(
                first.raw(),
                ShellWords.unquote(raw, escape),
                raw,
                first.span(),
                valueSpan,
                first.span().union(valueSpan)));
        return;
      }
      for (Word w : d.args) {
        int eq = w.raw().indexOf('=');
        if (eq < 0) {
          problems.add(
              new ParseProblem(
                  w.span(),
                  "can't find = in \""
                      + w.raw()
                      + "\"; "
                      + d.keyword
                      + " must be of the form: name=value"));
          continue;
        }
        if (eq == 0) {
          problems.add(new ParseProblem(w.span(), d.keyword + " names can not be blank"));
        }
        d.keyValues.add(pair(w, eq));
      }
    }

    /** ARG pairs: each word is {@code name} or {@code name=default}. */
    private void argPairs(Draft d) {
      for (Word w : d.args) {
        int eq = w.raw().indexOf('=');
        if (eq < 0) {
          d.keyValues.add(new KeyValue(w.raw(), null, null, w.span(), null, w.span()));
        } else {
          if (eq == 0) {
            problems.add(new ParseProblem(w.span(), "ARG names can not be blank"));
          }
          d.keyValues.add(pair(w, eq));
        }
      }
    }

    /** Splits a {@code key=value} word at {@code eq} (an index into its raw text). */
    private KeyValue pair(Word w, int eq) {
      String key = w.raw().substring(0, eq);
      String rawValue = w.raw().substring(eq + 1);
      Span span = w.span();
      Span keySpan;
      Span valueSpan;
      if (span.length() == w.raw().length()) {
        keySpan = spans.span(span.startOffset(), span.startOffset() + eq);
        valueSpan = spans.span(span.startOffset() + eq + 1, span.endOffset());
      } else {
        // The word crosses a continuation: map the '=' through the logical line.
        int start = line.indexOfSource(span.startOffset());
        int at = start < 0 ? span.startOffset() : line.sourceStart(start + eq);
        keySpan = spans.span(span.startOffset(), at);
        valueSpan = spans.span(Math.min(at + 1, span.endOffset()), span.endOffset());
      }
      return new KeyValue(
          key, ShellWords.unquote(rawValue, escape), rawValue, keySpan, valueSpan, span);
    }

    private void checkTrigger(Draft trigger) {
      switch (trigger.keyword) {
        case "ONBUILD" ->
            problems.add(
                new ParseProblem(
                    trigger.keywordSpan, "chaining ONBUILD via ONBUILD ONBUILD isn't allowed"));
        case "FROM", "MAINTAINER" ->
            problems.add(
                new ParseProblem(
                    trigger.keywordSpan, trigger.keyword + " isn't allowed as an ONBUILD trigger"));
        default -> {}
      }
    }

    /** Argument counts BuildKit rejects (only where it refuses to build). */
    private void checkArguments(Draft d) {
      boolean empty = d.args.isEmpty();
      switch (d.keyword) {
        case "ADD",
            "ARG",
            "ENV",
            "EXPOSE",
            "FROM",
            "LABEL",
            "MAINTAINER",
            "ONBUILD",
            "SHELL",
            "STOPSIGNAL",
            "USER",
            "VOLUME",
            "WORKDIR" -> {
          if (empty && !d.execForm) {
            problems.add(
                new ParseProblem(d.keywordSpan, d.keyword + " requires at least one argument"));
          }
        }
        default -> {}
      }
      if (d.keyword.equals("SHELL") && !empty && !d.execForm) {
        problems.add(
            new ParseProblem(d.argSpan, "SHELL requires the arguments to be in JSON form"));
      }
    }

    // ---- heredocs --------------------------------------------------------------------------

    /**
     * Reads the bodies of the heredocs an instruction opened, in order, from the lines after it.
     * Only RUN, COPY and ADD (also as ONBUILD triggers) in shell form take heredocs, as in
     * BuildKit.
     */
    private List<Heredoc> heredocs(Draft d) {
      Draft target = d.trigger != null && d.keyword.equals("ONBUILD") ? d.trigger : d;
      if (target.execForm
          || !(target.keyword.equals("RUN")
              || target.keyword.equals("COPY")
              || target.keyword.equals("ADD"))
          || !line.contains('<', '<')) {
        return List.of();
      }
      List<Heredoc> out = new ArrayList<>(1);
      for (Word w : target.args) {
        HeredocMarker marker = HeredocMarker.of(w.raw());
        if (marker != null) {
          out.add(body(marker, w));
        }
      }
      return out.isEmpty() ? List.of() : out;
    }

    private Heredoc body(HeredocMarker marker, Word word) {
      int bodyStart = pos;
      StringBuilder body = new StringBuilder();
      while (pos < n) {
        int start = pos;
        int end = lineEnd(start);
        pos = nextLineStart(end);
        int content = start;
        if (marker.stripTabs()) {
          while (content < end && text.charAt(content) == '\t') {
            content++;
          }
        }
        if (end - content == marker.name().length() && text.startsWith(marker.name(), content)) {
          return new Heredoc(
              marker.name(),
              marker.stripTabs(),
              marker.quoted(),
              body.toString(),
              spans.span(bodyStart, start),
              spans.span(bodyStart, end));
        }
        body.append(text, content, end).append('\n');
      }
      problems.add(
          new ParseProblem(
              word.span(), "unterminated heredoc: no line " + marker.name() + " closes it"));
      return new Heredoc(
          marker.name(),
          marker.stripTabs(),
          marker.quoted(),
          body.toString(),
          spans.span(bodyStart, n),
          spans.span(bodyStart, n));
    }

    /** An instruction being read; becomes an {@link Instruction} once its heredocs are read. */
    private final class Draft {
      String keyword;
      Span keywordSpan;
      int start;
      final List<Flag> flags = new ArrayList<>(0);
      final List<Word> args = new ArrayList<>(4);
      final List<KeyValue> keyValues = new ArrayList<>(0);
      boolean execForm;
      String argText;
      Span argSpan;
      Draft trigger;

      Instruction build(int endOffset, List<Heredoc> heredocs, int stage) {
        Instruction onbuild = trigger == null ? null : trigger.build(endOffset, heredocs, stage);
        return new Instruction(
            keyword,
            spans.span(start, Math.max(start, endOffset)),
            keywordSpan,
            List.copyOf(flags),
            List.copyOf(args),
            execForm,
            argText,
            argSpan,
            heredocs,
            onbuild,
            stage,
            List.copyOf(keyValues));
      }
    }
  }
}
