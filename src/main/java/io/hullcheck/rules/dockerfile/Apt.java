package io.hullcheck.rules.dockerfile;

import io.hullcheck.rules.support.Shell;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** How the apt rules read an {@code apt-get} or {@code apt} command line. Package-private. */
final class Apt {
  /** Options of apt-get and apt that take their value as the next word. */
  static final Set<String> VALUED = Set.of("-o", "-t", "-c", "--option", "--target-release");

  private Apt() {}

  /**
   * Whether the command is apt-get or apt (after wrappers), or tonistiigi/xx's cross-compiling
   * {@code xx-apt-get}/{@code xx-apt}, which take the same arguments.
   */
  static boolean isApt(Shell.Command cmd) {
    String n = cmd.name().startsWith("xx-") ? cmd.name().substring(3) : cmd.name();
    return n.equals("apt-get") || n.equals("apt");
  }

  /** The subcommand word of an apt-get/apt command, if the command is one. */
  static Optional<Shell.Word> subcommand(Shell.Command cmd) {
    return isApt(cmd) ? RunScript.subcommand(cmd, VALUED) : Optional.empty();
  }

  /** The {@code install} word of an apt-get/apt install command. */
  static Optional<Shell.Word> install(Shell.Command cmd) {
    return subcommand(cmd).filter(w -> w.value().equals("install"));
  }

  /** Whether an {@code -o Name=value} option sets {@code name} to false. */
  static boolean optionOff(String option, String name) {
    int eq = option.indexOf('=');
    if (eq < 0 || !option.substring(0, eq).equalsIgnoreCase(name)) {
      return false;
    }
    String v = option.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
    return v.equals("false") || v.equals("0") || v.equals("no") || v.equals("off");
  }

  /** Whether an {@code -o Name=value} option sets {@code name} to true. */
  static boolean optionOn(String option, String name) {
    int eq = option.indexOf('=');
    if (eq < 0 || !option.substring(0, eq).equalsIgnoreCase(name)) {
      return false;
    }
    String v = option.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
    return v.equals("true") || v.equals("1") || v.equals("yes") || v.equals("on");
  }
}
