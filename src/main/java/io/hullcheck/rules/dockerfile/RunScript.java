package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Heredoc;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.model.SourceFile;
import io.hullcheck.model.Span;
import io.hullcheck.rules.support.Shell;
import io.hullcheck.rules.support.ShellText;
import io.hullcheck.rules.support.Stages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The simple commands of a RUN with where their words are written, so the package-manager and
 * supply-chain rules can point at the command and insert a flag after a word. Package-private.
 *
 * <p>What counts as the RUN's script: its shell-form text (continuations joined as BuildKit joins
 * them), its exec-form arguments, and the bodies of heredocs that are the script itself ({@code RUN
 * <<EOF}, or a heredoc fed to {@code sh}/{@code bash}); a heredoc fed to {@code cat}, {@code
 * python} or any other program is data and is not read. Words of exec-form RUNs have no position of
 * their own: their spans are the instruction's and they take no edits. Pure.
 */
final class RunScript {
  private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh");

  private RunScript() {}

  /**
   * One simple command of a RUN.
   *
   * @param raw as written, wrappers ({@code sudo}, {@code env}) included
   * @param offsets source offset of each char of the script the command was read from, or null when
   *     the script has no positions of its own (exec form)
   */
  record Cmd(Instruction run, Shell.Command raw, SourceFile source, int[] offsets) {

    /** The command with {@code sudo}, {@code env} and similar wrappers removed. */
    Shell.Command command() {
      return raw.unwrapped();
    }

    /** Where a word is written; the instruction's start for exec form. */
    Span span(Shell.Word w) {
      if (offsets == null || w.end() > offsets.length || w.end() <= w.start()) {
        return source.span(run.span().startOffset(), run.keywordSpan().endOffset());
      }
      return source.span(offsets[w.start()], offsets[w.end() - 1] + 1);
    }

    /** From the command's name (after wrappers) to its last word. */
    Span span() {
      List<Shell.Word> words = command().words();
      if (words.isEmpty()) {
        return span(raw.words().get(0));
      }
      return span(words.get(0)).union(span(words.get(words.size() - 1)));
    }

    /** The source offset just after a word, when the word has a position of its own. */
    OptionalInt after(Shell.Word w) {
      if (offsets == null || w.end() > offsets.length || w.end() <= w.start()) {
        return OptionalInt.empty();
      }
      return OptionalInt.of(offsets[w.end() - 1] + 1);
    }

    /** The first word (after the command name) whose value equals {@code value}. */
    Optional<Shell.Word> word(String value) {
      List<Shell.Word> words = command().words();
      for (int i = 1; i < words.size(); i++) {
        if (words.get(i).value().equals(value)) {
          return Optional.of(words.get(i));
        }
      }
      return Optional.empty();
    }
  }

  /**
   * The RUN scripts already split for the Dockerfile this thread is checking. A dozen rules read
   * the same RUNs; splitting each once per file was a quarter of the engine's time. Keyed by
   * identity and reset when the thread moves to another Dockerfile, so it holds one file at most
   * and never serves a stale result (models are immutable).
   */
  private static final ThreadLocal<Memo> MEMO = ThreadLocal.withInitial(Memo::new);

  private static final class Memo {
    Dockerfile file;
    final java.util.IdentityHashMap<Instruction, List<Cmd>> runs =
        new java.util.IdentityHashMap<>();
    List<Instruction> allRuns; // computed on first use for this file
    List<Instruction> shippedRuns; // computed on first use for this file
  }

  /** This thread's memo, emptied first when it holds another file. */
  private static Memo memo(Dockerfile dockerfile) {
    Memo memo = MEMO.get();
    if (memo.file != dockerfile) {
      memo.file = dockerfile;
      memo.runs.clear();
      memo.allRuns = null;
      memo.shippedRuns = null;
    }
    return memo;
  }

  /** The commands of one RUN (ONBUILD triggers are not read), in script order. Unmodifiable. */
  static List<Cmd> commands(Dockerfile dockerfile, Instruction run) {
    Memo memo = memo(dockerfile);
    List<Cmd> cached = memo.runs.get(run);
    if (cached == null) {
      cached = List.copyOf(split(dockerfile, run));
      memo.runs.put(run, cached);
    }
    return cached;
  }

  private static List<Cmd> split(Dockerfile dockerfile, Instruction run) {
    SourceFile source = dockerfile.source();
    List<Cmd> out = new ArrayList<>();
    ShellText.Split split = ShellText.split(run);
    if (run.execForm()) {
      for (Shell.Command c : split.main()) {
        out.add(new Cmd(run, c, source, null));
      }
      return out;
    }
    int[] offsets = argOffsets(dockerfile, run);
    List<Shell.Command> main = split.main();
    for (Shell.Command c : main) {
      out.add(new Cmd(run, c, source, offsets));
    }
    boolean script =
        main.isEmpty() || (main.size() == 1 && SHELLS.contains(main.get(0).unwrapped().name()));
    if (!script || main.stream().anyMatch(c -> c.unwrapped().hasFlag("-c"))) {
      return out;
    }
    for (int i = 0; i < run.heredocs().size(); i++) {
      Heredoc h = run.heredocs().get(i);
      int[] bodyOffsets = bodyOffsets(source, h);
      for (Shell.Command c : split.heredocs().get(i)) {
        out.add(new Cmd(run, c, source, bodyOffsets));
      }
    }
    return out;
  }

  /** Every RUN of the stages whose layers end up in the final image, with its commands. */
  static List<Instruction> shippedRuns(Dockerfile dockerfile) {
    Memo memo = memo(dockerfile);
    if (memo.shippedRuns == null) {
      Optional<Stage> last = dockerfile.finalStage();
      memo.shippedRuns =
          last.isEmpty()
              ? List.of()
              : Stages.chainInstructions(last.get()).stream().filter(i -> i.is("RUN")).toList();
    }
    return memo.shippedRuns;
  }

  /** Every RUN of every stage. Unmodifiable. */
  static List<Instruction> allRuns(Dockerfile dockerfile) {
    Memo memo = memo(dockerfile);
    if (memo.allRuns == null) {
      List<Instruction> runs = new ArrayList<>();
      for (Stage s : dockerfile.stages()) {
        runs.addAll(s.all("RUN"));
      }
      memo.allRuns = List.copyOf(runs);
    }
    return memo.allRuns;
  }

  /**
   * Whether the RUN has a {@code --mount=type=cache} whose target is {@code dir} or below or above
   * it (a cache on {@code /var/lib/apt} covers its lists).
   */
  static boolean cacheMount(Instruction run, String dir) {
    for (var mount : run.flags("mount")) {
      String v = mount.value() == null ? "" : mount.value();
      if (!List.of(v.split(",")).contains("type=cache")) {
        continue;
      }
      for (String part : v.split(",")) {
        String[] kv = part.split("=", 2);
        if (kv.length == 2 && Set.of("target", "dst", "destination").contains(kv[0])) {
          String t = trimSlash(kv[1]);
          String d = trimSlash(dir);
          if (t.equals(d) || t.startsWith(d + "/") || d.startsWith(t + "/")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static String trimSlash(String p) {
    String s = p.trim();
    while (s.length() > 1 && s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /**
   * The first operand of a command that is not an option or an option's value: the subcommand of
   * {@code apt-get -q -o X=y install}. {@code valued} lists the options that take a separate value.
   */
  static Optional<Shell.Word> subcommand(Shell.Command cmd, Set<String> valued) {
    List<Shell.Word> words = cmd.words();
    for (int i = 1; i < words.size(); i++) {
      String v = words.get(i).value();
      if (valued.contains(v)) {
        i++;
      } else if (!v.startsWith("-")) {
        return Optional.of(words.get(i));
      }
    }
    return Optional.empty();
  }

  /**
   * The source offset of each char of {@link Instruction#argText()}: the parser's joining of
   * continuation lines replayed (escape and line break dropped, blank and comment lines inside the
   * continuation skipped). Null when the replay does not reproduce the text, so a rule never edits
   * at a guessed offset.
   */
  private static int[] argOffsets(Dockerfile dockerfile, Instruction run) {
    String arg = run.argText();
    String text = dockerfile.source().text();
    char escape = dockerfile.escape();
    int[] offsets = new int[arg.length()];
    int k = 0;
    int pos = run.argSpan().startOffset();
    boolean first = true;
    while (k < arg.length() && pos < text.length()) {
      int end = pos;
      while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      int content = pos;
      while (content < end && (text.charAt(content) == ' ' || text.charAt(content) == '\t')) {
        content++;
      }
      boolean skip = !first && (content == end || text.charAt(content) == '#');
      if (!skip) {
        int last = end;
        while (last > pos && (text.charAt(last - 1) == ' ' || text.charAt(last - 1) == '\t')) {
          last--;
        }
        boolean continued =
            last > pos
                && text.charAt(last - 1) == escape
                && (last - 1 == pos || text.charAt(last - 2) != escape);
        int stop = continued ? last - 1 : end;
        for (int i = pos; i < stop && k < arg.length(); i++) {
          if (text.charAt(i) != arg.charAt(k)) {
            return null;
          }
          offsets[k++] = i;
        }
        if (!continued) {
          break;
        }
      }
      first = false;
      pos = end < text.length() && text.charAt(end) == '\r' ? end + 1 : end;
      pos = pos < text.length() && text.charAt(pos) == '\n' ? pos + 1 : pos;
    }
    return k == arg.length() ? offsets : null;
  }

  /**
   * The source offset of each char of a heredoc body: line breaks written as CRLF are one {@code
   * \n} in the body, and {@code <<-} strips leading tabs. Null when the replay does not reproduce
   * the body.
   */
  private static int[] bodyOffsets(SourceFile source, Heredoc h) {
    String text = source.text();
    String body = h.body();
    int[] offsets = new int[body.length()];
    int k = 0;
    int i = h.bodySpan().startOffset();
    int end = h.bodySpan().endOffset();
    boolean lineStart = true;
    while (k < body.length() && i < end) {
      char c = text.charAt(i);
      if (lineStart && h.stripTabs() && c == '\t') {
        i++;
        continue;
      }
      lineStart = false;
      if (c == '\r' && i + 1 < end && text.charAt(i + 1) == '\n') {
        i++;
        continue;
      }
      if (c != body.charAt(k)) {
        return null;
      }
      offsets[k++] = i++;
      lineStart = c == '\n';
    }
    return k == body.length() ? offsets : null;
  }
}
