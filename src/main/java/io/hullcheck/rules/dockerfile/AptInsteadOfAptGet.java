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
 * A RUN calls {@code apt}, the interactive front end, with a subcommand. The fix renames it to
 * {@code apt-get} for the subcommands apt-get has under the same name; {@code apt search}, {@code
 * list}, {@code show} and the like get advice only, since their apt-get counterparts live in
 * apt-cache.
 */
@RuleInfo(
    id = "apt-instead-of-apt-get",
    title = "RUN uses apt instead of apt-get",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.BUILD_HYGIENE,
    fixable = true,
    rationale =
        "apt is meant for people at a terminal: its command line and output are not a stable"
            + " interface and it warns so in scripts; apt-get is the one made for scripts.",
    hadolint = {"DL3027"},
    kics = {"run_using_apt"},
    checkov = {"CKV_DOCKER_9"})
public final class AptInsteadOfAptGet implements DockerfileRule {
  private static final Set<String> SAME_IN_APT_GET =
      Set.of(
          "install",
          "update",
          "upgrade",
          "dist-upgrade",
          "remove",
          "purge",
          "autoremove",
          "clean",
          "autoclean",
          "source",
          "build-dep",
          "download",
          "reinstall");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Instruction run : RunScript.allRuns(dockerfile)) {
      for (RunScript.Cmd c : RunScript.commands(dockerfile, run)) {
        Shell.Command cmd = c.command();
        Optional<Shell.Word> sub = Apt.subcommand(cmd);
        if (!cmd.name().equals("apt") || sub.isEmpty()) {
          continue;
        }
        Shell.Word name = cmd.words().get(0);
        boolean renamable =
            SAME_IN_APT_GET.contains(sub.get().value())
                && name.value().equals("apt")
                && c.source().slice(c.span(name)).equals("apt");
        Fix fix =
            renamable && c.after(name).isPresent()
                ? Fix.of("Use apt-get", TextEdit.replace(c.span(name), "apt-get"))
                : null;
        findings.add(
            finding(
                dockerfile.source(),
                c.span(),
                "apt "
                    + sub.get().value()
                    + " uses apt's interactive front end, whose interface is not stable in"
                    + " scripts; use "
                    + (SAME_IN_APT_GET.contains(sub.get().value())
                        ? "apt-get " + sub.get().value()
                        : "apt-get or apt-cache"),
                fix));
      }
    }
    return findings;
  }
}
