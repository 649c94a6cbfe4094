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
 * A RUN of a stage the final image is built from upgrades every installed package: apt-get/apt
 * {@code upgrade}, {@code dist-upgrade}, {@code full-upgrade}; {@code apk upgrade}; yum, dnf,
 * microdnf, tdnf {@code update}, {@code upgrade}, {@code distro-sync}; zypper {@code update},
 * {@code dist-upgrade}, {@code patch}. An upgrade that names packages ({@code apk upgrade openssl})
 * is a targeted fix and is not reported. Off by default: see the docs page.
 */
@RuleInfo(
    id = "package-upgrade-in-image",
    title = "RUN upgrades every package of the base image",
    severity = Severity.INFO,
    target = Target.DOCKERFILE,
    category = Category.BUILD_HYGIENE,
    rationale =
        "A blanket upgrade makes the image differ from build to build and from its base tag;"
            + " rebuilding on a newer base image gets the same fixes reproducibly.",
    hadolint = {"DL3035"},
    trivy = {"DS-0024"},
    enabledByDefault = false)
public final class PackageUpgradeInImage implements DockerfileRule {
  private static final Set<String> APT = Set.of("upgrade", "dist-upgrade", "full-upgrade");
  private static final Set<String> RPM =
      Set.of(
          "update", "upgrade", "up", "distro-sync", "dsync", "update-minimal", "upgrade-minimal");
  private static final Set<String> ZYPPER = Set.of("update", "up", "dist-upgrade", "dup", "patch");
  private static final Set<String> APK_VALUED =
      Set.of("-X", "--repository", "-p", "--root", "--arch", "--cache-dir");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Instruction run : RunScript.shippedRuns(dockerfile)) {
      for (RunScript.Cmd c : RunScript.commands(dockerfile, run)) {
        Shell.Command cmd = c.command();
        Optional<Shell.Word> sub = wholeUpgrade(cmd);
        if (sub.isPresent()) {
          findings.add(
              finding(
                  dockerfile.source(),
                  c.span(),
                  cmd.name()
                      + " "
                      + sub.get().value()
                      + " upgrades every package, so the image no longer matches its base tag"
                      + " and changes from build to build; rebuild on a newer base image tag"
                      + " instead, or upgrade only the packages a fix needs"));
        }
      }
    }
    return findings;
  }

  /** The subcommand word of an upgrade of every installed package, if the command is one. */
  private static Optional<Shell.Word> wholeUpgrade(Shell.Command cmd) {
    Optional<Shell.Word> sub;
    Set<String> valued;
    if (Apt.isApt(cmd)) {
      sub = Apt.subcommand(cmd).filter(w -> APT.contains(w.value()));
      valued = Apt.VALUED;
    } else if (cmd.name().equals("apk")) {
      sub = RunScript.subcommand(cmd, APK_VALUED).filter(w -> w.value().equals("upgrade"));
      valued = APK_VALUED;
    } else {
      Optional<PackageManagers.Manager> m = PackageManagers.of(cmd);
      if (m.isEmpty()) {
        return Optional.empty();
      }
      Set<String> subs = m.get().zypper() ? ZYPPER : RPM;
      sub = PackageManagers.subcommand(cmd).filter(w -> subs.contains(w.value()));
      valued = m.get().valued();
    }
    if (sub.isEmpty() || !PackageManagers.operands(cmd, sub.get(), valued).isEmpty()) {
      return Optional.empty();
    }
    return sub;
  }
}
