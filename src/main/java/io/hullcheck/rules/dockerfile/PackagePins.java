package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.support.Shell;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads the package operands of an install command and tells which of them name no version. Shared
 * by {@code os-package-unpinned} and {@code language-package-unpinned}. Operands are shell words
 * after the tokenizer, options and their values skipped; a word with a variable or substitution is
 * unknown and never unpinned, and so are local files, paths and URLs, which name no registry
 * version. Package-private; pure.
 */
final class PackagePins {
  /** The install command of one manager and the operands in it that name no version. */
  record Install(String manager, Shell.Word verb, int operands, List<Shell.Word> unpinned) {}

  private static final Set<String> APK_VALUED =
      Set.of("-X", "--repository", "-p", "--root", "--arch", "--cache-dir", "-t", "--virtual");
  private static final Set<String> RPM_INSTALL = Set.of("install", "in");
  private static final Pattern RPM_VERSION = Pattern.compile(".+-[0-9].*");
  private static final Set<String> PIP_VALUED =
      Set.of(
          "-r",
          "--requirement",
          "-c",
          "--constraint",
          "-e",
          "--editable",
          "-i",
          "--index-url",
          "--extra-index-url",
          "-f",
          "--find-links",
          "-t",
          "--target",
          "--prefix",
          "--root",
          "--platform",
          "--python-version",
          "--implementation",
          "--abi",
          "--trusted-host",
          "--src",
          "--upgrade-strategy",
          "--progress-bar",
          "--cache-dir",
          "--log",
          "--proxy",
          "--retries",
          "--timeout",
          "--exists-action",
          "--cert",
          "--client-cert",
          "--no-binary",
          "--only-binary",
          "-C",
          "--config-settings",
          "--report",
          "--python");
  private static final Pattern PIP_SPECIFIER = Pattern.compile("[=<>~!]");
  private static final Set<String> NPM_VALUED =
      Set.of(
          "--prefix",
          "--registry",
          "--cache",
          "-w",
          "--workspace",
          "--omit",
          "--include",
          "--tag",
          "--userconfig",
          "--loglevel");
  private static final Set<String> NPM_TAGS = Set.of("", "latest", "next", "*", "x");
  private static final Set<String> GEM_VALUED =
      Set.of(
          "-i",
          "--install-dir",
          "-n",
          "--bindir",
          "-s",
          "--source",
          "-P",
          "--trust-policy",
          "--platform",
          "-g",
          "--file",
          "--build-root",
          "-v",
          "--version");
  private static final Pattern GO_VERSION = Pattern.compile("v[0-9].*|[0-9a-f]{7,40}");

  private PackagePins() {}

  /** An apt-get/apt, apk, yum/dnf/microdnf/tdnf or zypper install, if the command is one. */
  /**
   * One finding of {@code rule} per install command, in any RUN of any stage, that names a package
   * without a version: at its first unpinned operand, with {@code message} for that install.
   *
   * @param installs {@link #osInstall} or {@link #languageInstall}
   */
  static List<Finding> unpinned(
      DockerfileRule rule,
      Dockerfile dockerfile,
      Function<Shell.Command, Optional<Install>> installs,
      Function<Install, String> message) {
    List<Finding> findings = new ArrayList<>();
    for (Instruction run : RunScript.allRuns(dockerfile)) {
      for (RunScript.Cmd c : RunScript.commands(dockerfile, run)) {
        Install i = installs.apply(c.command()).orElse(null);
        if (i != null && !i.unpinned().isEmpty()) {
          findings.add(
              rule.finding(dockerfile.source(), c.span(i.unpinned().get(0)), message.apply(i)));
        }
      }
    }
    return findings;
  }

  static Optional<Install> osInstall(Shell.Command cmd) {
    if (Apt.isApt(cmd)) {
      return Apt.install(cmd)
          .map(v -> install(cmd, v, Apt.VALUED, w -> !w.endsWith(".deb") && !w.contains("=")));
    }
    if (cmd.name().equals("apk")) {
      return RunScript.subcommand(cmd, APK_VALUED)
          .filter(v -> v.value().equals("add"))
          .map(v -> install(cmd, v, APK_VALUED, w -> local(w, ".apk") && !apkPinned(w)));
    }
    Optional<PackageManagers.Manager> m = PackageManagers.of(cmd);
    if (m.isEmpty() || m.get().zypper() && hasNonPackageType(cmd)) {
      return Optional.empty();
    }
    boolean zypper = m.get().zypper();
    return PackageManagers.subcommand(cmd)
        .filter(v -> RPM_INSTALL.contains(v.value()))
        .map(
            v ->
                install(
                    cmd,
                    v,
                    m.get().valued(),
                    w ->
                        local(w, ".rpm")
                            && !w.startsWith("@")
                            && !w.contains("(")
                            && !RPM_VERSION.matcher(w).matches()
                            && !(zypper && apkPinned(w))));
  }

  /** A pip, npm/yarn/pnpm, gem or go install, if the command is one. */
  static Optional<Install> languageInstall(Shell.Command cmd) {
    Optional<Shell.Word> pip = Pip.install(cmd);
    if (pip.isPresent()) {
      return pip.map(v -> install(cmd, v, PIP_VALUED, PackagePins::pipUnpinned));
    }
    List<Shell.Word> words = cmd.words();
    String sub = words.size() > 1 ? words.get(1).value() : "";
    switch (cmd.name()) {
      case "npm":
        return RunScript.subcommand(cmd, NPM_VALUED)
            .filter(v -> Set.of("install", "i", "add").contains(v.value()))
            .map(v -> install(cmd, v, NPM_VALUED, PackagePins::npmUnpinned));
      case "yarn":
        int at = sub.equals("global") ? 2 : 1;
        return words.size() > at && words.get(at).value().equals("add")
            ? Optional.of(install(cmd, words.get(at), NPM_VALUED, PackagePins::npmUnpinned))
            : Optional.empty();
      case "pnpm":
        return sub.equals("add")
            ? Optional.of(install(cmd, words.get(1), NPM_VALUED, PackagePins::npmUnpinned))
            : Optional.empty();
      case "gem":
        if (!sub.equals("install")) {
          return Optional.empty();
        }
        Install gem =
            install(cmd, words.get(1), GEM_VALUED, w -> local(w, ".gem") && !w.contains(":"));
        // -v pins the one gem named; with several, gem refuses -v, so they stay unpinned.
        boolean versionFlag = cmd.hasFlag("-v", "--version");
        return Optional.of(
            versionFlag && gem.operands() == 1
                ? new Install(gem.manager(), gem.verb(), 1, List.of())
                : gem);
      case "go":
        return sub.equals("install")
            ? Optional.of(install(cmd, words.get(1), Set.of(), PackagePins::goUnpinned))
            : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  /** The operands after {@code verb} that {@code unpinned} accepts, variables never included. */
  private static Install install(
      Shell.Command cmd, Shell.Word verb, Set<String> valued, Predicate<String> unpinned) {
    List<Shell.Word> out = new ArrayList<>();
    int operands = 0;
    List<Shell.Word> words = cmd.words();
    for (int i = words.indexOf(verb) + 1; i > 0 && i < words.size(); i++) {
      Shell.Word w = words.get(i);
      if (valued.contains(w.value())) {
        i++;
      } else if (!w.value().startsWith("-")) {
        operands++;
        if (!w.dynamic() && unpinned.test(w.value())) {
          out.add(w);
        }
      }
    }
    // python -m pip is pip to the reader; every other manager is the command's own name.
    String manager = cmd.name().startsWith("python") ? "pip" : cmd.name();
    return new Install(manager, verb, operands, List.copyOf(out));
  }

  /** Not a file, path or URL: {@code ./x.deb}, {@code /tmp/x.apk}, {@code https://…}. */
  private static boolean local(String w, String suffix) {
    return !w.endsWith(suffix) && !w.contains("/") && !w.contains("://");
  }

  private static boolean apkPinned(String w) {
    return w.contains("=") || w.contains("~") || w.contains("<") || w.contains(">");
  }

  /** zypper {@code -t pattern}, {@code -t patch}: the operands are not packages. */
  private static boolean hasNonPackageType(Shell.Command cmd) {
    List<String> args = cmd.args();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String type =
          (a.equals("-t") || a.equals("--type")) && i + 1 < args.size()
              ? args.get(i + 1)
              : a.startsWith("--type=") ? a.substring(7) : null;
      if (type != null && !type.equals("package")) {
        return true;
      }
    }
    return false;
  }

  private static boolean pipUnpinned(String w) {
    return !w.contains("/")
        && !w.contains(":")
        && !w.startsWith(".")
        && !w.endsWith(".whl")
        && !w.endsWith(".tar.gz")
        && !w.endsWith(".zip")
        && !PIP_SPECIFIER.matcher(w).find();
  }

  /** {@code name}, {@code name@latest}, {@code @scope/name@next}: no version or a moving tag. */
  private static boolean npmUnpinned(String w) {
    boolean scoped = w.startsWith("@");
    String rest = scoped ? w.substring(1) : w;
    if (rest.contains(":")
        || rest.startsWith(".")
        || rest.startsWith("~")
        || w.endsWith(".tgz")
        || !scoped && rest.contains("/")) {
      return false;
    }
    int at = rest.indexOf('@');
    if (at < 0) {
      return true;
    }
    String spec = rest.substring(at + 1).toLowerCase(Locale.ROOT);
    return NPM_TAGS.contains(spec) || Character.isLetter(spec.charAt(0)) && !spec.startsWith("v");
  }

  /** {@code pkg@latest} or a branch; {@code ./...} and the main module's packages are exempt. */
  private static boolean goUnpinned(String w) {
    int at = w.lastIndexOf('@');
    if (at < 0) {
      return false;
    }
    return !GO_VERSION.matcher(w.substring(at + 1)).matches();
  }

  /** The first three unpinned package names, and how many more there are. */
  static String names(PackagePins.Install i) {
    List<String> names = i.unpinned().stream().map(Shell.Word::value).toList();
    String shown = String.join(", ", names.subList(0, Math.min(3, names.size())));
    return names.size() > 3 ? shown + " and " + (names.size() - 3) + " more" : shown;
  }
}
