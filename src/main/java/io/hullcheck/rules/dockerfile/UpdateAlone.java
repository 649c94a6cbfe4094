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
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A RUN refreshes a package index ({@code apt-get update}, {@code apt update}, {@code apk update},
 * {@code yum|dnf|microdnf makecache}, {@code zypper refresh}) and runs no package command that uses
 * it. Matched as commands and subcommands, so {@code update-ca-certificates}, {@code
 * update-ca-trust} and {@code update-alternatives} are not updates, and {@code echo "apt-get
 * update"} runs nothing.
 */
@RuleInfo(
    id = "update-alone",
    title = "Package index refreshed in a RUN of its own",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.BUILD_HYGIENE,
    rationale =
        "The layer of a lone update is cached: a later change to the install line reuses the old"
            + " index, and the build installs outdated packages or fails to find them.",
    trivy = {"DS-0017"},
    kics = {"update_instruction_alone"},
    checkov = {"CKV_DOCKER_5"},
    cis = {"4.7"})
public final class UpdateAlone implements DockerfileRule {
  /** Per package manager: the subcommands that refresh the index. */
  private static final Map<String, Set<String>> UPDATES =
      Map.of(
          "apt-get", Set.of("update"),
          "apt", Set.of("update"),
          "apk", Set.of("update"),
          "yum", Set.of("makecache"),
          "dnf", Set.of("makecache"),
          "microdnf", Set.of("makecache"),
          "zypper", Set.of("refresh", "ref"));

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Instruction run : RunScript.allRuns(dockerfile)) {
      List<RunScript.Cmd> commands = RunScript.commands(dockerfile, run);
      Optional<RunScript.Cmd> update = Optional.empty();
      boolean uses = false;
      for (RunScript.Cmd c : commands) {
        Shell.Command cmd = c.command();
        // tonistiigi/xx's cross-compiling wrappers (xx-apt-get, xx-apk) take the same arguments.
        String name = cmd.name().startsWith("xx-") ? cmd.name().substring(3) : cmd.name();
        Set<String> updates = UPDATES.get(name);
        if (updates == null) {
          continue;
        }
        Optional<Shell.Word> sub = RunScript.subcommand(cmd, Apt.VALUED);
        if (sub.isPresent() && updates.contains(sub.get().value())) {
          update = update.isPresent() ? update : Optional.of(c);
        } else if (sub.isPresent() && !Set.of("clean", "autoclean").contains(sub.get().value())) {
          uses = true;
        } else if (name.equals("apk") && cmd.hasFlag("--update", "-U")) {
          uses = true;
        }
      }
      if (update.isEmpty() || uses) {
        continue;
      }
      Shell.Command cmd = update.get().command();
      String written = cmd.name() + " " + RunScript.subcommand(cmd, Apt.VALUED).get().value();
      findings.add(
          finding(
              dockerfile.source(),
              update.get().span(),
              written
                  + " runs in a RUN that installs nothing: its cached layer keeps a stale index"
                  + " for later installs; run it in the same RUN as the install ("
                  + written
                  + " && ...)"));
    }
    return findings;
  }
}
