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

/**
 * A RUN runs a command through {@code sudo} (as the command word, also behind {@code env} or {@code
 * nice}). Installing the sudo package or mentioning it in a string is not running it.
 */
@RuleInfo(
    id = "sudo-in-run",
    title = "RUN uses sudo",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.PRIVILEGES,
    rationale =
        "RUN already runs as the stage's USER; sudo needs a sudoers setup that lets that user"
            + " become root inside the image, and its TTY and environment handling makes builds"
            + " unpredictable.",
    hadolint = {"DL3004"},
    trivy = {"DS-0010"},
    kics = {"run_using_sudo"},
    checkov = {"CKV2_DOCKER_1"})
public final class SudoInRun implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Instruction run : RunScript.allRuns(dockerfile)) {
      for (RunScript.Cmd c : RunScript.commands(dockerfile, run)) {
        Shell.Word sudo = sudoWord(c.raw());
        if (sudo == null) {
          continue;
        }
        findings.add(
            finding(
                dockerfile.source(),
                c.span(sudo).union(c.span()),
                "RUN calls sudo "
                    + c.command().name()
                    + ": drop sudo, and run the steps that need root under USER root, switching"
                    + " back to the app user afterwards (use gosu or su-exec at run time)"));
      }
    }
    return findings;
  }

  /** The sudo word among the command's leading wrappers, or null. */
  private static Shell.Word sudoWord(Shell.Command raw) {
    int wrappers = raw.words().size() - raw.unwrapped().words().size();
    for (Shell.Word w : raw.words().subList(0, wrappers)) {
      String v = w.value();
      if (v.equals("sudo") || v.endsWith("/sudo")) {
        return w;
      }
    }
    return null;
  }
}
