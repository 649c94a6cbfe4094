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
 * --assume-yes}, a quiet level of 2 ({@code -qq}, {@code -q -q}, {@code -q=2}; it implies yes),
 * {@code -o APT::Get::Assume-Yes=true} and input piped in ({@code yes | apt-get ...}) all answer; a
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
    return c.raw().pipedFrom() || answers(c.command());
  }

  /**
   * Whether the options of an apt-get command line answer or skip the prompt: {@code -y} and its
   * spellings, {@code -o APT::Get::Assume-Yes=true}, a simulation, or a quiet level of 2 or more.
   * The quiet level is read as apt reads it, left to right: each {@code -q} or {@code --quiet}
   * (also inside a cluster such as {@code -qq} or {@code -qy}) adds one, {@code -q=N}, {@code
   * --quiet=N}, {@code -qN} and {@code -o quiet=N} set it. A level apt cannot know here (a
   * variable) counts as answered.
   */
  static boolean answers(Shell.Command cmd) {
    if (cmd.hasFlag("-y", "--yes", "--assume-yes")
        || cmd.hasFlag("-s", "--simulate", "--just-print", "--dry-run", "--recon", "--no-act")) {
      return true;
    }
    List<String> args = cmd.args();
    int quiet = 0;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String option = null;
      if (a.equals("--quiet")) {
        quiet++;
      } else if (a.startsWith("--quiet=") || a.startsWith("-q=")) {
        quiet = level(a.substring(a.indexOf('=') + 1), quiet);
      } else if (a.equals("-o") || a.equals("--option")) {
        option = i + 1 < args.size() ? args.get(++i) : null;
      } else if (a.startsWith("--option=")) {
        option = a.substring("--option=".length());
      } else if (a.length() > 1 && a.charAt(0) == '-' && a.charAt(1) != '-') {
        for (int k = 1; k < a.length(); k++) {
          char ch = a.charAt(k);
          if (ch == 'q' && k + 1 < a.length() && !Character.isLetter(a.charAt(k + 1))) {
            quiet = level(a.substring(k + 1), quiet);
            break;
          } else if (ch == 'q') {
            quiet++;
          } else if (ch == 'o') {
            option =
                k + 1 < a.length()
                    ? a.substring(k + 1)
                    : i + 1 < args.size() ? args.get(++i) : null;
            break;
          } else if (ch == 't' || ch == 'c') {
            i += k + 1 < a.length() ? 0 : 1;
            break;
          }
        }
      }
      if (option != null && Apt.optionOn(option, "APT::Get::Assume-Yes")) {
        return true;
      }
      int eq = option == null ? -1 : option.indexOf('=');
      if (eq > 0 && option.substring(0, eq).equalsIgnoreCase("quiet")) {
        quiet = level(option.substring(eq + 1), quiet);
      }
    }
    return quiet >= 2;
  }

  /** A quiet level given as a value; an unknown one (a variable) is taken as high enough. */
  private static int level(String value, int current) {
    if (value.matches("[0-9]{1,3}")) {
      return Integer.parseInt(value);
    }
    return value.contains("$") ? Integer.MAX_VALUE / 2 : current;
  }
}
