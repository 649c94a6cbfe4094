package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.dockerfile.Word;
import io.hullcheck.model.ImageRef;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.support.LineEdits;
import io.hullcheck.rules.support.Shell;
import io.hullcheck.rules.support.Stages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A shell-form RUN with a pipe whose failure is hidden: the shell in effect (the last SHELL of the
 * stage chain, else {@code /bin/sh -c}) is POSIX-like and not started with {@code -o pipefail}, and
 * the script does not {@code set -o pipefail} before the pipe. Other shells (PowerShell, cmd) are
 * not judged. Every stage: a hidden failure breaks the build wherever it is.
 *
 * <p>The fix inserts {@code SHELL ["/bin/bash", "-o", "pipefail", "-c"]} above the first such RUN
 * of a stage, only when the stage's base image is known to ship bash or the chain installs it.
 */
@RuleInfo(
    id = "pipe-without-pipefail",
    title = "RUN pipe can hide a failure",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.CORRECTNESS,
    fixable = true,
    rationale =
        "A pipeline's status is its last command's: curl failing in curl | tar leaves tar reading"
            + " nothing, and the build goes on with a broken layer unless pipefail is set.",
    hadolint = {"DL4006"},
    kics = {"shell_running_a_pipe_without_pipefail_flag"})
public final class PipeWithoutPipefail implements DockerfileRule {
  private static final Set<String> POSIX_SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh");
  private static final Set<String> BASH_IMAGES =
      Set.of(
          "debian",
          "ubuntu",
          "python",
          "node",
          "golang",
          "ruby",
          "php",
          "rust",
          "perl",
          "openjdk",
          "eclipse-temurin",
          "amazoncorretto",
          "maven",
          "gradle",
          "buildpack-deps",
          "fedora",
          "rockylinux",
          "almalinux",
          "amazonlinux",
          "oraclelinux",
          "centos");
  private static final String SHELL_LINE = "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]";

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : dockerfile.stages()) {
      List<String> shell = List.of("/bin/sh", "-c");
      boolean fixOffered = false;
      for (Instruction ins : Stages.chainInstructions(stage)) {
        if (ins.is("SHELL") && ins.execForm()) {
          shell = ins.args().stream().map(Word::value).toList();
        }
        if (ins.stageIndex() != stage.index() || !ins.is("RUN") || ins.execForm()) {
          continue;
        }
        if (!posix(shell) || shell.contains("pipefail") || !hiddenPipe(dockerfile, ins)) {
          continue;
        }
        Fix fix = null;
        if (!fixOffered && hasBash(dockerfile, stage, ins)) {
          fix =
              Fix.of(
                  "Run later RUNs with bash -o pipefail",
                  LineEdits.insertBefore(dockerfile.source(), ins, SHELL_LINE));
          fixOffered = true;
        }
        findings.add(
            finding(
                dockerfile.source(),
                ins.keywordSpan(),
                "RUN pipes one command into another, but a failure before the last one is"
                    + " ignored: add SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] above"
                    + " it, or start the script with set -o pipefail",
                fix));
      }
    }
    return findings;
  }

  private static boolean posix(List<String> shell) {
    if (shell.isEmpty()) {
      return false;
    }
    String exe = shell.get(0);
    return POSIX_SHELLS.contains(exe.substring(exe.lastIndexOf('/') + 1));
  }

  /** Whether a pipe runs before any {@code set -o pipefail} of the script. */
  private static boolean hiddenPipe(Dockerfile dockerfile, Instruction run) {
    for (RunScript.Cmd c : RunScript.commands(dockerfile, run)) {
      Shell.Command cmd = c.command();
      if (cmd.name().equals("set") && setsPipefail(cmd.args())) {
        return false;
      }
      if (c.raw().pipedTo()) {
        return true;
      }
    }
    return false;
  }

  /** {@code set -o pipefail}, {@code set -euo pipefail}, {@code set -eux -o pipefail}. */
  private static boolean setsPipefail(List<String> args) {
    for (int i = 0; i + 1 < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("-")
          && !a.startsWith("--")
          && a.endsWith("o")
          && args.get(i + 1).equals("pipefail")) {
        return true;
      }
    }
    return false;
  }

  /** Whether bash is known to be in the image at this RUN: from the base image or installed. */
  private static boolean hasBash(Dockerfile dockerfile, Stage stage, Instruction before) {
    Optional<ImageRef> base = Stages.baseImage(stage);
    if (base.isPresent()) {
      String tag = base.get().tag() == null ? "" : base.get().tag();
      if (BASH_IMAGES.contains(Stages.canonicalName(base.get()))
          && !tag.contains("alpine")
          && !tag.contains("windows")
          && !tag.contains("nanoserver")) {
        return true;
      }
    }
    for (Instruction ins : Stages.chainInstructions(stage)) {
      if (ins == before) {
        break;
      }
      if (ins.is("RUN") && installsBash(dockerfile, ins)) {
        return true;
      }
    }
    return false;
  }

  private static boolean installsBash(Dockerfile dockerfile, Instruction run) {
    for (RunScript.Cmd c : RunScript.commands(dockerfile, run)) {
      Shell.Command cmd = c.command();
      if (Set.of("apk", "apt-get", "apt", "dnf", "yum", "microdnf").contains(cmd.name())
          && cmd.args().contains("bash")
          && (cmd.args().contains("add") || cmd.args().contains("install"))) {
        return true;
      }
    }
    return false;
  }
}
