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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A RUN runs an interactive or machine-management command that does nothing useful during a build:
 * an editor, a pager-like monitor, a remote shell, shutdown, mount. Matched as the command word
 * (after wrappers), so installing {@code vim} or {@code openssh-client} is not reported.
 */
@RuleInfo(
    id = "run-pointless-command",
    title = "RUN runs a command that makes no sense in a build",
    severity = Severity.INFO,
    target = Target.DOCKERFILE,
    category = Category.BUILD_HYGIENE,
    rationale =
        "A build has no terminal, no running services and no machine to manage: editors and"
            + " monitors hang or print nothing useful, and shutdown or mount fail or do nothing.",
    hadolint = {"DL3001"},
    kics = {"run_utilities_and_posix_commands"})
public final class PointlessCommand implements DockerfileRule {
  private static final Map<String, String> WHY =
      Map.ofEntries(
          Map.entry("vim", "an interactive editor"),
          Map.entry("vi", "an interactive editor"),
          Map.entry("nano", "an interactive editor"),
          Map.entry("emacs", "an interactive editor"),
          Map.entry("top", "an interactive monitor"),
          Map.entry("htop", "an interactive monitor"),
          Map.entry("free", "a report on the build machine's memory"),
          Map.entry("ps", "a listing of processes that end with the step"),
          Map.entry("ssh", "a remote shell"),
          Map.entry("shutdown", "machine management"),
          Map.entry("reboot", "machine management"),
          Map.entry("halt", "machine management"),
          Map.entry("poweroff", "machine management"),
          Map.entry("mount", "a mount that does not outlive the step"),
          Map.entry("ifconfig", "network configuration of a build container"),
          Map.entry("service", "a service that stops when the step ends"));

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Instruction run : RunScript.allRuns(dockerfile)) {
      for (RunScript.Cmd c : RunScript.commands(dockerfile, run)) {
        String why = WHY.get(c.command().name());
        if (why == null) {
          continue;
        }
        findings.add(
            finding(
                dockerfile.source(),
                c.span(),
                "RUN runs "
                    + c.command().name()
                    + ", "
                    + why
                    + ", which does nothing for the image: remove it (start services in"
                    + " ENTRYPOINT or CMD, configure mounts at run time)"));
      }
    }
    return findings;
  }
}
