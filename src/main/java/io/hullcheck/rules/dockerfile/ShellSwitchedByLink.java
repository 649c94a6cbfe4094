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

/**
 * A RUN that replaces {@code /bin/sh} with a link to another shell ({@code ln -sf /bin/bash
 * /bin/sh}). When the RUN is that one command, in shell form, the fix rewrites it to a SHELL
 * instruction with the same shell.
 */
@RuleInfo(
    id = "shell-switched-by-link",
    title = "RUN replaces /bin/sh to change the shell",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.CORRECTNESS,
    fixable = true,
    rationale =
        "Relinking /bin/sh changes the shell of every script in the image, including the"
            + " distribution's own, which expect a POSIX sh; SHELL changes only the build's RUNs.",
    hadolint = {"DL4005"},
    kics = {"changing_default_shell_using_run_command"})
public final class ShellSwitchedByLink implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Instruction run : RunScript.allRuns(dockerfile)) {
      List<RunScript.Cmd> cmds = RunScript.commands(dockerfile, run);
      for (RunScript.Cmd c : cmds) {
        Shell.Command cmd = c.command();
        if (!cmd.name().equals("ln")) {
          continue;
        }
        List<String> operands = cmd.args().stream().filter(a -> !a.startsWith("-")).toList();
        if (!cmd.hasFlag("-s", "--symbolic")
            || operands.size() != 2
            || !operands.get(1).equals("/bin/sh")
            || operands.get(0).contains("$")) {
          continue;
        }
        String shell = operands.get(0);
        Fix fix =
            cmds.size() == 1 && !run.execForm() && run.heredocs().isEmpty() && run.flags().isEmpty()
                ? Fix.of(
                    "Use a SHELL instruction",
                    TextEdit.replace(run.span(), "SHELL [\"" + shell + "\", \"-c\"]"))
                : null;
        findings.add(
            finding(
                dockerfile.source(),
                c.span(),
                "ln makes /bin/sh a link to "
                    + shell
                    + ", which changes the shell of every script in the image: use SHELL [\""
                    + shell
                    + "\", \"-c\"] to change the shell of the RUN steps",
                fix));
      }
    }
    return findings;
  }
}
