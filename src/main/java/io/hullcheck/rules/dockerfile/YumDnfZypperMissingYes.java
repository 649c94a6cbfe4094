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
import java.util.OptionalInt;
import java.util.Set;

/**
 * A yum, dnf, tdnf or zypper command that can ask for confirmation, run without its non-interactive
 * option: {@code -y}/{@code --assumeyes} (also {@code --assumeno}) for the rpm family, {@code
 * -n}/{@code --non-interactive} before the subcommand or {@code -y}/{@code --no-confirm} after it
 * for zypper. Input piped in answers too. microdnf is not read: it never asks. Every stage: a
 * prompt fails the build wherever it is. The fix inserts {@code -y} after the subcommand (yum, dnf,
 * tdnf) or {@code -n} after {@code zypper}.
 */
@RuleInfo(
    id = "yum-dnf-zypper-missing-yes",
    title = "yum, dnf or zypper can stop at a confirmation prompt",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.BUILD_HYGIENE,
    fixable = true,
    rationale =
        "A build has no one to answer 'Is this ok [y/N]': without -y (zypper: -n) the command"
            + " reads end-of-file, aborts, and the build fails.",
    hadolint = {"DL3030", "DL3038", "DL3034"},
    kics = {
      "yum_install_allows_manual_input",
      "missing_flag_from_dnf_install",
      "missing_zypper_non_interactive_switch"
    })
public final class YumDnfZypperMissingYes implements DockerfileRule {
  private static final Set<String> RPM_PROMPTING =
      Set.of(
          "install",
          "in",
          "localinstall",
          "groupinstall",
          "reinstall",
          "rei",
          "remove",
          "rm",
          "erase",
          "autoremove",
          "update",
          "upgrade",
          "up",
          "downgrade",
          "dg",
          "distro-sync",
          "dsync",
          "update-minimal",
          "upgrade-minimal",
          "up-min",
          "builddep",
          "swap",
          "groupupdate",
          "groupremove",
          "grouperase");
  private static final Set<String> RPM_GROUPS = Set.of("group", "groups", "module");
  private static final Set<String> GROUP_PROMPTING =
      Set.of("install", "remove", "upgrade", "update", "enable", "disable", "reset", "switch-to");
  private static final Set<String> ZYPPER_PROMPTING =
      Set.of(
          "install",
          "in",
          "remove",
          "rm",
          "update",
          "up",
          "dist-upgrade",
          "dup",
          "patch",
          "source-install",
          "si",
          "install-new-recommends",
          "inr",
          "verify",
          "ve");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Instruction run : RunScript.allRuns(dockerfile)) {
      for (RunScript.Cmd c : RunScript.commands(dockerfile, run)) {
        Shell.Command cmd = c.command();
        Optional<PackageManagers.Manager> manager = PackageManagers.of(cmd);
        Optional<Shell.Word> sub = PackageManagers.subcommand(cmd);
        if (manager.isEmpty()
            || manager.get().name().equals("microdnf")
            || sub.isEmpty()
            || !prompts(cmd, manager.get(), sub.get())
            || c.raw().pipedFrom()
            || answered(cmd, manager.get(), sub.get())) {
          continue;
        }
        findings.add(finding(dockerfile, c, manager.get(), sub.get()));
      }
    }
    return findings;
  }

  private Finding finding(
      Dockerfile dockerfile, RunScript.Cmd c, PackageManagers.Manager m, Shell.Word sub) {
    boolean zypper = m.zypper();
    Shell.Word anchor = zypper ? c.command().words().get(0) : sub;
    String flag = zypper ? "-n" : "-y";
    OptionalInt at = c.after(anchor);
    Fix fix =
        at.isPresent() ? Fix.of("Add " + flag, TextEdit.insert(at.getAsInt(), " " + flag)) : null;
    String advice = zypper ? "write zypper -n " + sub.value() : "add -y";
    return finding(
        dockerfile.source(),
        c.span(),
        m.name()
            + " "
            + sub.value()
            + " has no "
            + (zypper ? "-n" : "-y")
            + ": it stops at a confirmation prompt the build cannot answer; "
            + advice,
        fix);
  }

  private static boolean prompts(Shell.Command cmd, PackageManagers.Manager m, Shell.Word sub) {
    String s = sub.value();
    if (m.zypper()) {
      return ZYPPER_PROMPTING.contains(s);
    }
    if (RPM_GROUPS.contains(s)) {
      return PackageManagers.secondOperand(cmd, sub).filter(GROUP_PROMPTING::contains).isPresent();
    }
    return RPM_PROMPTING.contains(s);
  }

  private static boolean answered(Shell.Command cmd, PackageManagers.Manager m, Shell.Word sub) {
    if (!m.zypper()) {
      return cmd.hasFlag("-y", "--assumeyes", "--assumeno")
          || cmd.args().stream().anyMatch(a -> a.matches("--setopt=assumeyes=(1|[Tt]rue|yes)"));
    }
    List<Shell.Word> words = cmd.words();
    int subAt = words.indexOf(sub);
    for (int i = 1; i < words.size(); i++) {
      String a = words.get(i).value();
      boolean global = i < subAt;
      if (a.equals("--non-interactive") || a.equals("--no-confirm")) {
        return true;
      }
      if (a.length() > 1 && a.charAt(0) == '-' && a.charAt(1) != '-') {
        // zypper -n (global) is --non-interactive; after the subcommand -n is --name
        if (global && a.indexOf('n') > 0 || !global && a.indexOf('y') > 0) {
          return true;
        }
      }
    }
    return false;
  }
}
