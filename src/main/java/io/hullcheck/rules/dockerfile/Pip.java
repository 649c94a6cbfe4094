package io.hullcheck.rules.dockerfile;

import io.hullcheck.rules.support.Shell;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the pip rules find a {@code pip install} ({@code pip}, {@code pip3}, {@code pip3.12}, {@code
 * python -m pip}). Package-private.
 */
final class Pip {
  private static final Pattern PIP = Pattern.compile("pip[0-9.]*");
  private static final Pattern PYTHON = Pattern.compile("python[0-9.]*");

  private Pip() {}

  /** The {@code install} word of a pip install command, {@code python -m pip} included. */
  static Optional<Shell.Word> install(Shell.Command cmd) {
    List<Shell.Word> words = cmd.words();
    int sub;
    if (PIP.matcher(cmd.name()).matches()) {
      sub = 1;
    } else if (PYTHON.matcher(cmd.name()).matches()
        && words.size() > 2
        && words.get(1).value().equals("-m")
        && PIP.matcher(words.get(2).value()).matches()) {
      sub = 3;
    } else {
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
}
