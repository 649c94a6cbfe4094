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
 * An apt-get (or apt) command that can ask for confirmation, run without {@code -y}: install,
 * upgrade, dist-upgrade, full-upgrade, remove, purge, autoremove. {@code -y}, {@code --yes}, {@code
 * --assume-yes}, {@code -qq} or {@code -q=2} (quiet level 2 implies it), {@code -o
 * APT::Get::Assume-Yes=true} and input piped in ({@code yes | apt-get ...}) all answer; a
 * simulation ({@code -s}) never asks. Every stage: a prompt fails the build wherever it is.
 */
@RuleInfo(
    id = "apt-get-missing-yes",
    title = "apt-get can stop at a confirmation prompt",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.BUILD_HYGIENE,
    fixable = true,
    rationale =
        "A build has no one to answer apt's 'Do you want to continue?': without -y the command"
            + " aborts as soon as it has more to do than asked, and the build fails.",
    hadolint = {"DL3014"},
    trivy = {"DS-0021"},
    kics = {"apt_get_missing_flags_to_avoid_manual_input"})
public final class AptGetMissingYes implements DockerfileRule {
  private static final Set<String> PROMPTING =
      Set.of(
          "install",
          "upgrade",
          "dist-upgrade",
          "full-upgrade",
          "remove",
          "purge",
          "autoremove",
          "reinstall");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Instruction run : RunScript.allRuns(dockerfile)) {
      for (RunScript.Cmd c : RunScript.commands(dockerfile, run)) {
        Shell.Command cmd = c.command();
        Optional<Shell.Word> sub = Apt.subcommand(cmd);
        if (sub.isEmpty() || !PROMPTING.contains(sub.get().value()) || answered(c)) {
          continue;
        }
        OptionalInt at = c.after(sub.get());
        Fix fix = at.isPresent() ? Fix.of("Add -y", TextEdit.insert(at.getAsInt(), " -y")) : null;
        findings.add(
            finding(
                dockerfile.source(),
                c.span(),
                cmd.name()
                    + " "
                    + sub.get().value()
                    + " has no -y: it stops at a confirmation prompt the build cannot answer;"
                    + " add -y",
                fix));
      }
    }
    return findings;
  }

  private static boolean answered(RunScript.Cmd c) {
    Shell.Command cmd = c.command();
    if (c.raw().pipedFrom()
        || cmd.hasFlag("-y", "--yes", "--assume-yes", "-qq")
        || cmd.hasFlag("-s", "--simulate", "--just-print", "--dry-run", "--recon", "--no-act")) {
      return true;
    }
    List<String> args = cmd.args();
    if (quietLevel(args) >= 2) {
      return true;
    }
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String option = a.startsWith("-o") && a.length() > 2 ? a.substring(2) : null;
      if ((a.equals("-o") || a.equals("--option")) && i + 1 < args.size()) {
        option = args.get(i + 1);
      }
      if (option != null && Apt.optionOn(option, "APT::Get::Assume-Yes")) {
        return true;
      }
    }
    return false;
  }

  /**
   * apt-get's quiet level adds up over repeated flags: {@code -qq}, {@code -q -q} and {@code
   * --quiet --quiet} are all level 2; {@code -q=N} and {@code --quiet=N} set it.
   */
  private static int quietLevel(List<String> args) {
    int level = 0;
    for (String a : args) {
      if (a.matches("-q+")) {
        level += a.length() - 1;
      } else if (a.equals("--quiet")) {
        level++;
      } else if (a.matches("(-q|--quiet)=\\d")) {
        level = a.charAt(a.length() - 1) - '0';
      }
    }
    return level;
  }
}
