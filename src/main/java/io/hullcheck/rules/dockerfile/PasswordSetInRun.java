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
import java.util.Set;

/**
 * A RUN of the image that ships sets a login password: {@code chpasswd}, or {@code useradd}/{@code
 * usermod} with {@code -p}/{@code --password}. A builder stage's accounts do not ship and are not
 * reported.
 */
@RuleInfo(
    id = "password-set-in-run",
    title = "RUN sets a user password",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.SECRETS,
    rationale =
        "The password, or its hash, is in the Dockerfile and in the image's /etc/shadow for anyone"
            + " who pulls it, and every container from the image shares it.",
    checkov = {"CKV2_DOCKER_17"})
public final class PasswordSetInRun implements DockerfileRule {
  private static final Set<String> ACCOUNT_TOOLS = Set.of("useradd", "usermod", "adduser");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Instruction run : RunScript.shippedRuns(dockerfile)) {
      for (RunScript.Cmd c : RunScript.commands(dockerfile, run)) {
        Shell.Command cmd = c.command();
        boolean sets =
            cmd.name().equals("chpasswd")
                || (ACCOUNT_TOOLS.contains(cmd.name()) && cmd.hasFlag("-p", "--password"));
        if (!sets) {
          continue;
        }
        findings.add(
            finding(
                dockerfile.source(),
                c.span(),
                cmd.name()
                    + " sets a password that ships in the image: remove it, and give the"
                    + " account no password (log in with docker exec, pass secrets at run time)"));
      }
    }
    return findings;
  }
}
