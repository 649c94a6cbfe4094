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
import java.util.OptionalInt;

/**
 * {@code wget} in a RUN that prints its default progress bar: no {@code --progress}, and not quiet
 * ({@code -q}, {@code --quiet}, {@code -nv}, {@code --no-verbose}). The fix inserts {@code
 * --progress=dot:giga} after {@code wget}.
 */
@RuleInfo(
    id = "wget-progress",
    title = "wget prints a progress bar into the build log",
    severity = Severity.INFO,
    target = Target.DOCKERFILE,
    category = Category.STYLE,
    fixable = true,
    rationale =
        "Without a terminal, wget's bar becomes thousands of log lines for a large download."
            + " Off by default: it is about log size only.",
    hadolint = {"DL3047"},
    enabledByDefault = false)
public final class WgetProgress implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Instruction run : RunScript.allRuns(dockerfile)) {
      for (RunScript.Cmd c : RunScript.commands(dockerfile, run)) {
        Shell.Command cmd = c.command();
        if (!cmd.name().equals("wget")
            || cmd.hasFlag("-q", "--quiet", "--progress")
            || cmd.args().contains("-nv")
            || cmd.args().contains("--no-verbose")
            || cmd.args().stream().anyMatch(a -> a.matches("-[a-zA-Z&&[^oOaPe]]*q.*"))) {
          continue;
        }
        OptionalInt at = c.after(cmd.words().get(0));
        Fix fix =
            at.isPresent()
                ? Fix.of(
                    "Add --progress=dot:giga",
                    TextEdit.insert(at.getAsInt(), " --progress=dot:giga"))
                : null;
        findings.add(
            finding(
                dockerfile.source(),
                c.span(),
                "wget without --progress fills the build log with its progress bar: add"
                    + " --progress=dot:giga, or -q",
                fix));
      }
    }
    return findings;
  }
}
