package io.hullcheck.rules.support;

import io.hullcheck.dockerfile.Heredoc;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Word;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a RUN instruction runs, read through {@link Shell}: its shell-form text or exec-form
 * arguments and its heredoc bodies, as simple commands. Pure.
 */
public final class ShellText {
  private static final Set<String> INSTALL_VERBS = Set.of("install", "add");
  private static final Set<String> PACKAGE_MANAGERS =
      Set.of("apt-get", "apt", "apk", "yum", "dnf", "microdnf", "zypper", "tdnf");

  private ShellText() {}

  /** The simple commands of a RUN: its arguments (shell or exec form), then its heredoc bodies. */
  public static List<Shell.Command> commands(Instruction run) {
    List<Shell.Command> commands = new ArrayList<>();
    String text =
        run.execForm()
            ? String.join(" ", run.args().stream().map(Word::value).toList())
            : run.argText();
    commands.addAll(Shell.commands(text));
    for (Heredoc h : run.heredocs()) {
      commands.addAll(Shell.commands(h.body()));
    }
    return commands;
  }

  /**
   * The packages a RUN installs through apt-get, apt, apk, yum, dnf, microdnf, zypper or tdnf,
   * version pins removed ({@code curl=7.88.1-10} gives {@code curl}), lower-cased. Packages passed
   * in variables are not known and left out.
   */
  public static Set<String> installedPackages(Instruction run) {
    Set<String> packages = new LinkedHashSet<>();
    for (Shell.Command raw : commands(run)) {
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
    return packages;
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
