package io.hullcheck.rules.dockerfile;

import io.hullcheck.rules.support.Shell;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the rules read the command lines of the rpm-family package managers ({@code yum}, {@code
 * dnf}, {@code microdnf}, {@code tdnf}) and {@code zypper}: their subcommand, what cleans their
 * cache, where the cache lives. Package-private.
 */
final class PackageManagers {
  /** Options of yum, dnf, microdnf and tdnf that take their value as the next word. */
  private static final Set<String> RPM_VALUED =
      Set.of(
          "-c",
          "--config",
          "-d",
          "--debuglevel",
          "-e",
          "--errorlevel",
          "-x",
          "--exclude",
          "--enablerepo",
          "--disablerepo",
          "--setopt",
          "--releasever",
          "--installroot",
          "--repo",
          "--repoid",
          "--downloaddir",
          "--destdir",
          "--color",
          "--forcearch");

  /** Options of zypper (global and per subcommand) that take their value as the next word. */
  private static final Set<String> ZYPPER_VALUED =
      Set.of(
          "-c",
          "--config",
          "-R",
          "--root",
          "-D",
          "--reposd-dir",
          "-C",
          "--cache-dir",
          "--raw-cache-dir",
          "--solv-cache-dir",
          "--pkg-cache-dir",
          "-t",
          "--type",
          "-r",
          "--repo",
          "--from",
          "-p",
          "--plus-repo");

  /** One package manager: its name, the clean command to append, the cache it leaves. */
  record Manager(String name, String clean, List<String> caches) {
    boolean zypper() {
      return name.equals("zypper");
    }

    Set<String> valued() {
      return zypper() ? ZYPPER_VALUED : RPM_VALUED;
    }
  }

  static final Map<String, Manager> MANAGERS =
      Map.of(
          "yum",
          new Manager("yum", "yum clean all", List.of("/var/cache/yum", "/var/cache/dnf")),
          "dnf",
          new Manager(
              "dnf",
              "dnf clean all",
              List.of("/var/cache/dnf", "/var/cache/yum", "/var/cache/libdnf5")),
          "microdnf",
          new Manager(
              "microdnf", "microdnf clean all", List.of("/var/cache/yum", "/var/cache/dnf")),
          "tdnf",
          new Manager("tdnf", "tdnf clean all", List.of("/var/cache/tdnf")),
          "zypper",
          new Manager("zypper", "zypper clean --all", List.of("/var/cache/zypp")));

  private PackageManagers() {}

  /** The manager a command runs (after wrappers), if it is one of the table's. */
  static Optional<Manager> of(Shell.Command cmd) {
    return Optional.ofNullable(MANAGERS.get(cmd.name()));
  }

  /** The subcommand word of a yum/dnf/microdnf/tdnf/zypper command, if it is one. */
  static Optional<Shell.Word> subcommand(Shell.Command cmd) {
    return of(cmd).flatMap(m -> RunScript.subcommand(cmd, m.valued()));
  }

  /** The operand after the subcommand ({@code install} of {@code dnf group install x}). */
  static Optional<String> secondOperand(Shell.Command cmd, Shell.Word sub) {
    List<Shell.Word> words = cmd.words();
    Set<String> valued = of(cmd).map(Manager::valued).orElse(Set.of());
    for (int i = words.indexOf(sub) + 1; i > 0 && i < words.size(); i++) {
      String v = words.get(i).value();
      if (valued.contains(v)) {
        i++;
      } else if (!v.startsWith("-")) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /**
   * The package operands after the subcommand word, as words: options and their values are skipped.
   */
  static List<Shell.Word> operands(Shell.Command cmd, Shell.Word sub, Set<String> valued) {
    List<Shell.Word> words = cmd.words();
    List<Shell.Word> out = new java.util.ArrayList<>();
    for (int i = words.indexOf(sub) + 1; i > 0 && i < words.size(); i++) {
      String v = words.get(i).value();
      if (valued.contains(v)) {
        i++;
      } else if (!v.startsWith("-")) {
        out.add(words.get(i));
      }
    }
    return out;
  }
}
