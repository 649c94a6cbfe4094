package io.hullcheck.rules.support;

import io.hullcheck.dockerfile.Heredoc;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Word;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a RUN instruction runs, read through {@link Shell}: its shell-form text or exec-form
 * arguments and its heredoc bodies, as simple commands. Pure.
 */
public final class ShellText {
  private static final Set<String> INSTALL_VERBS = Set.of("install", "add");
  private static final Set<String> PACKAGE_MANAGERS =
      Set.of("apt-get", "apt", "apk", "yum", "dnf", "microdnf", "zypper", "tdnf");

  /**
   * How many RUNs a thread keeps split. Splitting is the costliest part of reading a RUN and a
   * dozen rules read the same RUNs of a file; a Dockerfile rarely has more RUNs than this, and past
   * it the memo starts over, so it never holds more than this many instructions.
   */
  private static final int MEMO_SIZE = 256;

  /**
   * The RUNs this thread split last, by identity (models are immutable, so an entry is never
   * stale): every rule, and {@code RunScript} for the rules that need positions, shares one split
   * per RUN.
   */
  private static final ThreadLocal<Map<Instruction, Memo>> MEMO =
      ThreadLocal.withInitial(IdentityHashMap::new);

  /** What this thread read from one RUN: its split, and the packages it installs once asked. */
  private static final class Memo {
    final Split split;
    Set<String> packages;

    Memo(Split split) {
      this.split = split;
    }
  }

  private ShellText() {}

  /**
   * A RUN split into simple commands: its arguments (shell form, or exec-form arguments joined by
   * spaces) and each heredoc body, in the order of {@link Instruction#heredocs()}. Unmodifiable.
   */
  public record Split(
      Instruction run, List<Shell.Command> main, List<List<Shell.Command>> heredocs) {

    /** Every command: the arguments', then each heredoc body's. */
    public List<Shell.Command> all() {
      if (heredocs.isEmpty()) {
        return main;
      }
      List<Shell.Command> out = new ArrayList<>(main);
      heredocs.forEach(out::addAll);
      return List.copyOf(out);
    }
  }

  /** The split of a RUN, computed once per RUN per thread (see {@link #MEMO}). */
  public static Split split(Instruction run) {
    return memo(run).split;
  }

  private static Memo memo(Instruction run) {
    Map<Instruction, Memo> memo = MEMO.get();
    Memo cached = memo.get(run);
    if (cached != null) {
      return cached;
    }
    if (memo.size() >= MEMO_SIZE) {
      memo.clear();
    }
    String text =
        run.execForm()
            ? String.join(" ", run.args().stream().map(Word::value).toList())
            : run.argText();
    List<List<Shell.Command>> bodies = new ArrayList<>();
    for (Heredoc h : run.heredocs()) {
      bodies.add(List.copyOf(Shell.commands(h.body())));
    }
    Memo made = new Memo(new Split(run, List.copyOf(Shell.commands(text)), List.copyOf(bodies)));
    memo.put(run, made);
    return made;
  }

  /**
   * The simple commands of a RUN: its arguments (shell or exec form), then its heredoc bodies.
   * Unmodifiable.
   */
  public static List<Shell.Command> commands(Instruction run) {
    return split(run).all();
  }

  /**
   * The packages a RUN installs through apt-get, apt, apk, yum, dnf, microdnf, zypper or tdnf,
   * version pins removed ({@code curl=7.88.1-10} gives {@code curl}), lower-cased. Packages passed
   * in variables are not known and left out. Unmodifiable; read once per RUN per thread.
   */
  public static Set<String> installedPackages(Instruction run) {
    Memo memo = memo(run);
    if (memo.packages == null) {
      memo.packages = installed(memo.split);
    }
    return memo.packages;
  }

  private static Set<String> installed(Split split) {
    Set<String> packages = new LinkedHashSet<>();
    for (Shell.Command raw : split.all()) {
      Shell.Command cmd = raw.unwrapped();
      if (!PACKAGE_MANAGERS.contains(cmd.name())) {
        continue;
      }
      for (String verb : INSTALL_VERBS) {
        for (String operand : cmd.operandsAfter(verb)) {
          if (!operand.contains("$") && !operand.contains("/")) {
            packages.add(stripVersion(operand).toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return Collections.unmodifiableSet(packages);
  }

  /** Whether a RUN runs {@code program} (matched by command name, paths dropped). */
  public static boolean calls(Instruction run, String program) {
    String name = program.substring(program.lastIndexOf('/') + 1);
    return commands(run).stream().anyMatch(c -> c.unwrapped().name().equals(name));
  }

  private static String stripVersion(String pkg) {
    int cut = pkg.length();
    for (char c : new char[] {'=', '~', '<', '>'}) {
      int i = pkg.indexOf(c);
      if (i > 0) {
        cut = Math.min(cut, i);
      }
    }
    return pkg.substring(0, cut);
  }
}
