package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.TextEdit;
import io.hullcheck.rules.support.Shell;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A RUN of a stage the final image is built from installs or updates with yum, dnf, microdnf, tdnf
 * or zypper and does not clean that manager's cache in the same RUN: {@code yum/dnf/microdnf/tdnf
 * clean all} (any of the rpm family, they share the cache on current releases), {@code zypper
 * clean} or {@code cc}, {@code rm -r} of the cache directory, or a cache mount on it. One finding
 * per RUN and manager, at the first command that fills the cache. The fix appends {@code &&
 * <manager> clean all} ({@code zypper clean --all}) to a shell-form RUN without heredocs.
 */
@RuleInfo(
    id = "package-cache-not-cleaned",
    title = "yum, dnf or zypper cache is left in the image",
    severity = Severity.INFO,
    target = Target.DOCKERFILE,
    category = Category.BUILD_HYGIENE,
    fixable = true,
    rationale =
        "yum, dnf and zypper keep repository metadata and downloaded packages in /var/cache; a"
            + " later RUN cannot remove them from the layer they were written in, so they ship"
            + " unless the same RUN cleans them.",
    hadolint = {"DL3032", "DL3040", "DL3036"},
    trivy = {"DS-0015", "DS-0019", "DS-0020", "DS-0027"},
    kics = {"yum_clean_all_missing", "missing_dnf_clean_all", "missing_zypper_clean"})
public final class PackageCacheNotCleaned implements DockerfileRule {
  private static final Set<String> RPM_FILLING =
      Set.of(
          "install",
          "in",
          "localinstall",
          "groupinstall",
          "reinstall",
          "update",
          "upgrade",
          "up",
          "distro-sync",
          "downgrade",
          "makecache",
          "builddep",
          "update-minimal",
          "upgrade-minimal",
          "group",
          "groups",
          "module");
  private static final Set<String> ZYPPER_FILLING =
      Set.of(
          "install",
          "in",
          "update",
          "up",
          "dist-upgrade",
          "dup",
          "patch",
          "source-install",
          "si",
          "install-new-recommends",
          "inr",
          "refresh",
          "ref");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Instruction run : RunScript.shippedRuns(dockerfile)) {
      List<RunScript.Cmd> commands = RunScript.commands(dockerfile, run);
      Set<String> reported = new java.util.HashSet<>();
      for (RunScript.Cmd c : commands) {
        Optional<PackageManagers.Manager> manager = PackageManagers.of(c.command());
        if (manager.isEmpty()
            || !fills(c.command(), manager.get())
            || !reported.add(manager.get().zypper() ? "zypper" : "rpm")
            || cleaned(run, commands, manager.get())) {
          continue;
        }
        findings.add(finding(dockerfile, run, c, manager.get()));
      }
    }
    return findings;
  }

  private Finding finding(
      Dockerfile dockerfile, Instruction run, RunScript.Cmd c, PackageManagers.Manager m) {
    Fix fix =
        run.execForm() || !run.heredocs().isEmpty() || c.offsets() == null
            ? null
            : Fix.of(
                "Clean the " + m.name() + " cache in the same RUN",
                TextEdit.insert(run.argSpan().endOffset(), " && " + m.clean()));
    return finding(
        dockerfile.source(),
        c.span(),
        "This RUN runs "
            + m.name()
            + " but leaves its cache ("
            + m.caches().get(0)
            + ") in its layer; end the same RUN with && "
            + m.clean()
            + " (or use a cache mount)",
        fix);
  }

  private static boolean fills(Shell.Command cmd, PackageManagers.Manager m) {
    Optional<Shell.Word> sub = PackageManagers.subcommand(cmd);
    return sub.isPresent()
        && (m.zypper() ? ZYPPER_FILLING : RPM_FILLING).contains(sub.get().value());
  }

  private static boolean cleaned(
      Instruction run, List<RunScript.Cmd> commands, PackageManagers.Manager m) {
    for (String cache : m.caches()) {
      if (RunScript.cacheMount(run, cache) || Cleanup.removes(commands, cache)) {
        return true;
      }
    }
    for (RunScript.Cmd c : commands) {
      Optional<PackageManagers.Manager> other = PackageManagers.of(c.command());
      Optional<Shell.Word> sub = PackageManagers.subcommand(c.command());
      if (other.isEmpty() || sub.isEmpty() || other.get().zypper() != m.zypper()) {
        continue;
      }
      String s = sub.get().value();
      if (m.zypper() && (s.equals("clean") || s.equals("cc"))) {
        return true;
      }
      if (!m.zypper() && s.equals("clean") && c.command().operandsAfter("clean").contains("all")) {
        return true;
      }
    }
    return false;
  }
}
