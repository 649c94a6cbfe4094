package io.hullcheck.rules.dockerfile;

import io.hullcheck.rules.support.Shell;
import java.util.List;
import java.util.Optional;

/**
 * How the pip rules find a {@code pip install} ({@code pip}, {@code pip3}, {@code pip3.12}, {@code
 * python -m pip}). Package-private.
 */
final class Pip {
  private Pip() {}

  /** Whether the command runs pip: {@code pip}, {@code pip3.12}, {@code python3 -m pip}. */
  static boolean isPip(Shell.Command cmd) {
    return commandWord(cmd) > 0;
  }

  /** The {@code install} word of a pip install command, {@code python -m pip} included. */
  static Optional<Shell.Word> install(Shell.Command cmd) {
    List<Shell.Word> words = cmd.words();
    int sub = commandWord(cmd);
    if (sub == 0) {
      return Optional.empty();
    }
    for (int i = sub; i < words.size(); i++) {
      String v = words.get(i).value();
      if (!v.startsWith("-")) {
        return v.equals("install") ? Optional.of(words.get(i)) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The index of the first word after pip's own name (1, or 3 for python -m pip), else 0. */
  private static int commandWord(Shell.Command cmd) {
    List<Shell.Word> words = cmd.words();
    if (versioned(cmd.name(), "pip")) {
      return 1;
    }
    if (versioned(cmd.name(), "python")
        && words.size() > 2
        && words.get(1).value().equals("-m")
        && versioned(words.get(2).value(), "pip")) {
      return 3;
    }
    return 0;
  }

  /**
   * {@code name} is {@code base} with an optional version of digits and dots ({@code pip3.12}):
   * what the pattern {@code base[0-9.]*} matches, without a regex on every command of every RUN.
   */
  static boolean versioned(String name, String base) {
    if (!name.startsWith(base)) {
      return false;
    }
    for (int i = base.length(); i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '.' && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }
}
