package io.hullcheck.rules.support;

import io.hullcheck.dockerfile.Heredoc;
import io.hullcheck.dockerfile.Instruction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A light reading of RUN commands: words split at whitespace and at the shell's command separators,
 * so rules can ask which packages a RUN installs or which programs it calls without matching
 * substrings ({@code update-ca-trust} is not {@code update}). Quotes are dropped, not interpreted.
 * Pure.
 */
public final class ShellText {
  private static final Set<String> SEPARATORS =
      Set.of("&&", "||", ";", "|", "&", "(", ")", "{", "}");
  private static final Set<String> INSTALL_VERBS = Set.of("install", "add");
  private static final Set<String> PACKAGE_MANAGERS =
      Set.of("apt-get", "apt", "apk", "yum", "dnf", "microdnf", "zypper", "tdnf");

  private ShellText() {}

  /**
   * The commands a RUN executes: its arguments (shell or exec form) and its heredoc bodies, each a
   * list of words without separators.
   */
  public static List<List<String>> commands(Instruction run) {
    List<List<String>> commands = new ArrayList<>();
    split(
        run.execForm()
            ? String.join(" ", run.args().stream().map(w -> w.value()).toList())
            : run.argText(),
        commands);
    for (Heredoc h : run.heredocs()) {
      split(h.body(), commands);
    }
    return commands;
  }

  private static void split(String text, List<List<String>> out) {
    List<String> cur = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : '\n';
      boolean sep = c == ';' || c == '|' || c == '&' || c == '\n' || c == '(' || c == ')';
      if (Character.isWhitespace(c) || sep) {
        if (word.length() > 0) {
          cur.add(word.toString());
          word.setLength(0);
        }
        if (sep && !cur.isEmpty()) {
          out.add(cur);
          cur = new ArrayList<>();
        }
      } else if (c != '"' && c != '\'' && c != '\\') {
        word.append(c);
      }
    }
    if (!cur.isEmpty()) {
      out.add(cur);
    }
    out.removeIf(cmd -> cmd.isEmpty() || SEPARATORS.contains(cmd.get(0)) && cmd.size() == 1);
  }

  /**
   * The packages a RUN installs through apt-get, apt, apk, yum, dnf, microdnf, zypper or tdnf,
   * version pins removed ({@code curl=7.88.1-10} gives {@code curl}), lower-cased.
   */
  public static Set<String> installedPackages(Instruction run) {
    Set<String> packages = new LinkedHashSet<>();
    for (List<String> cmd : commands(run)) {
      int pm = -1;
      for (int i = 0; i < cmd.size(); i++) {
        if (PACKAGE_MANAGERS.contains(baseName(cmd.get(i)))) {
          pm = i;
          break;
        }
      }
      if (pm < 0) {
        continue;
      }
      boolean installing = false;
      for (int i = pm + 1; i < cmd.size(); i++) {
        String w = cmd.get(i);
        if (!installing) {
          installing = INSTALL_VERBS.contains(w.toLowerCase(Locale.ROOT));
          continue;
        }
        if (w.startsWith("-") || w.contains("$") || w.contains("/")) {
          continue;
        }
        packages.add(stripVersion(w).toLowerCase(Locale.ROOT));
      }
    }
    return packages;
  }

  /** Whether a RUN calls {@code program} (by name or path) as one of its words. */
  public static boolean calls(Instruction run, String program) {
    for (List<String> cmd : commands(run)) {
      for (String w : cmd) {
        if (w.equals(program) || baseName(w).equals(baseName(program))) {
          return true;
        }
      }
    }
    return false;
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

  private static String baseName(String w) {
    int slash = w.lastIndexOf('/');
    return slash < 0 ? w : w.substring(slash + 1);
  }
}
