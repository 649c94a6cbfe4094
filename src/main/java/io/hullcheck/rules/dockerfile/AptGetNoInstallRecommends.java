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

/**
 * {@code apt-get install} (or {@code apt install}) without {@code --no-install-recommends} in a
 * stage the final image is built from. Recommended packages are switched off by the flag, by {@code
 * -o APT::Install-Recommends=false|0} on the command. Builder stages the final image does not build
 * FROM are not judged: their packages never ship.
 */
@RuleInfo(
    id = "apt-get-no-install-recommends",
    title = "apt-get install also installs recommended packages",
    severity = Severity.INFO,
    target = Target.DOCKERFILE,
    category = Category.BUILD_HYGIENE,
    fixable = true,
    rationale =
        "Without --no-install-recommends apt installs every recommended package too: a larger"
            + " image, a longer build and more software to patch, none of it asked for.",
    hadolint = {"DL3015"},
    trivy = {"DS-0029"},
    kics = {"apt_get_not_avoiding_additional_packages"})
public final class AptGetNoInstallRecommends implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Instruction run : RunScript.shippedRuns(dockerfile)) {
      for (RunScript.Cmd c : RunScript.commands(dockerfile, run)) {
        Optional<Shell.Word> install = Apt.install(c.command());
        if (install.isEmpty() || recommendsOff(c.command())) {
          continue;
        }
        OptionalInt at = c.after(install.get());
        Fix fix =
            at.isPresent()
                ? Fix.of(
                    "Add --no-install-recommends",
                    TextEdit.insert(at.getAsInt(), " --no-install-recommends"))
                : null;
        findings.add(
            finding(
                dockerfile.source(),
                c.span(),
                c.command().name()
                    + " install also installs the recommended packages of what it installs; add"
                    + " --no-install-recommends and list the packages you need",
                fix));
      }
    }
    return findings;
  }

  private static boolean recommendsOff(Shell.Command cmd) {
    if (cmd.hasFlag("--no-install-recommends")) {
      return true;
    }
    List<String> args = cmd.args();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String option = a.startsWith("-o") && a.length() > 2 ? a.substring(2) : null;
      if (a.equals("-o") && i + 1 < args.size()) {
        option = args.get(i + 1);
      }
      if (option != null && Apt.optionOff(option, "APT::Install-Recommends")) {
        return true;
      }
    }
    return false;
  }
}
