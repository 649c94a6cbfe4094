package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.support.Shell;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A package manager told to install packages whose signature it has not checked, in any stage:
 * {@code apk --allow-untrusted}, {@code apt-get --allow-unauthenticated}, {@code --force-yes} or
 * {@code --allow-insecure-repositories} (or their {@code -o} options), yum/dnf/tdnf {@code
 * --nogpgcheck} or {@code --setopt=gpgcheck=0}, {@code rpm --nosignature/--nodigest} (and {@code
 * --noverify}/{@code --nofiledigest} while installing), zypper {@code --no-gpg-checks}; or a
 * repository configuration written by {@code echo}, {@code printf} or {@code sed} with {@code
 * gpgcheck=0} or an apt source marked {@code [trusted=yes]}.
 */
@RuleInfo(
    id = "package-signature-check-disabled",
    title = "Package signature checks are turned off",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.SUPPLY_CHAIN,
    rationale =
        "Signatures are what tie a package to its publisher; without the check a tampered mirror,"
            + " a hijacked repository or a man in the middle can install anything as root.",
    checkov = {
      "CKV2_DOCKER_7",
      "CKV2_DOCKER_8",
      "CKV2_DOCKER_9",
      "CKV2_DOCKER_10",
      "CKV2_DOCKER_11"
    },
    cis = {"4.11"})
public final class PackageSignatureCheckDisabled implements DockerfileRule {
  private static final Set<String> RPM_TOOLS =
      Set.of("yum", "dnf", "microdnf", "tdnf", "yum-config-manager", "dnf-config-manager");
  private static final List<String> APT_OPTIONS =
      List.of(
          "APT::Get::AllowUnauthenticated",
          "Acquire::AllowInsecureRepositories",
          "Acquire::AllowDowngradeToInsecureRepositories");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Instruction run : RunScript.allRuns(dockerfile)) {
      for (RunScript.Cmd c : RunScript.commands(dockerfile, run)) {
        reason(c.command())
            .ifPresent(
                why ->
                    findings.add(
                        finding(
                            dockerfile.source(),
                            c.span(),
                            why
                                + " installs packages without checking their signatures; remove"
                                + " it and import the publisher's signing key instead")));
      }
    }
    return findings;
  }

  /** What in the command turns signature checks off, or empty. */
  static Optional<String> reason(Shell.Command cmd) {
    String name = cmd.name();
    if (name.equals("apk") && cmd.hasFlag("--allow-untrusted")) {
      return Optional.of("apk --allow-untrusted");
    }
    if (Apt.isApt(cmd) || name.equals("aptitude")) {
      for (String f :
          List.of("--allow-unauthenticated", "--force-yes", "--allow-insecure-repositories")) {
        if (cmd.hasFlag(f)) {
          return Optional.of(name + " " + f);
        }
      }
      List<String> args = cmd.args();
      for (int i = 0; i + 1 < args.size(); i++) {
        if (args.get(i).equals("-o") || args.get(i).equals("--option")) {
          String option = args.get(i + 1);
          if (APT_OPTIONS.stream().anyMatch(o -> Apt.optionOn(option, o))) {
            return Optional.of(name + " -o " + option);
          }
        }
      }
    }
    if (RPM_TOOLS.contains(name)) {
      if (cmd.hasFlag("--nogpgcheck", "--no-gpgchecks")) {
        return Optional.of(name + " --nogpgcheck");
      }
      Optional<WrittenConfig.Setting> off =
          WrittenConfig.setopts(cmd).stream()
              .filter(PackageSignatureCheckDisabled::gpgOff)
              .findFirst();
      if (off.isPresent()) {
        return Optional.of(name + " --setopt=" + off.get().key() + "=" + off.get().value());
      }
    }
    if (name.equals("rpm")) {
      if (cmd.hasFlag("--nosignature", "--nodigest")) {
        return Optional.of("rpm --nosignature/--nodigest");
      }
      boolean installs =
          cmd.hasFlag("-i", "-U", "-F", "--install", "--upgrade", "--freshen", "--reinstall");
      if (installs && cmd.hasFlag("--noverify", "--nofiledigest")) {
        return Optional.of("rpm --noverify/--nofiledigest");
      }
    }
    if (name.equals("zypper")) {
      for (String f :
          List.of(
              "--no-gpg-checks",
              "--no-gpgcheck",
              "--gpgcheck-allow-unsigned",
              "--gpgcheck-allow-unsigned-repo",
              "--gpgcheck-allow-unsigned-package")) {
        if (cmd.hasFlag(f)) {
          return Optional.of("zypper " + f);
        }
      }
      Optional<Shell.Word> sub = PackageManagers.subcommand(cmd);
      if (sub.isPresent()
          && Set.of("ar", "addrepo", "mr", "modifyrepo").contains(sub.get().value())
          && cmd.hasFlag("-G")) {
        return Optional.of("zypper " + sub.get().value() + " -G");
      }
    }
    for (String line : WrittenConfig.lines(cmd)) {
      Optional<WrittenConfig.Setting> s = WrittenConfig.setting(line);
      if (s.isPresent() && gpgOff(s.get()) || trustedSource(line)) {
        return Optional.of(name + " writing " + line);
      }
    }
    return Optional.empty();
  }

  private static boolean gpgOff(WrittenConfig.Setting s) {
    return (WrittenConfig.keyIs(s, "gpgcheck") || WrittenConfig.keyIs(s, "pkg_gpgcheck"))
        && WrittenConfig.off(s.value());
  }

  /** An apt source line {@code deb [... trusted=yes ...] uri suite}. */
  static boolean trustedSource(String line) {
    String l = line.trim();
    if (!l.startsWith("deb ") && !l.startsWith("deb-src ")) {
      return false;
    }
    int open = l.indexOf('[');
    int close = l.indexOf(']');
    if (open < 0 || close < open || !l.substring(l.indexOf(' '), open).isBlank()) {
      return false;
    }
    for (String option : l.substring(open + 1, close).trim().split("\\s+")) {
      if (WrittenConfig.lower(option).equals("trusted=yes")) {
        return true;
      }
    }
    return false;
  }
}
