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
 * {@code apk add} without {@code --no-cache} in a stage the final image is built from. A cache
 * mount on {@code /var/cache/apk} or {@code /etc/apk/cache}, or removing {@code /var/cache/apk} in
 * the same RUN, keeps the index out of the layer too.
 */
@RuleInfo(
    id = "apk-no-cache",
    title = "apk add keeps its package index in the image",
    severity = Severity.INFO,
    target = Target.DOCKERFILE,
    category = Category.BUILD_HYGIENE,
    fixable = true,
    rationale =
        "Without --no-cache apk leaves the downloaded package index in the layer: megabytes that"
            + " ship in every image and go stale at once.",
    hadolint = {"DL3019"},
    trivy = {"DS-0025"},
    kics = {"apk_add_using_local_cache_path"})
public final class ApkNoCache implements DockerfileRule {
  private static final Set<String> VALUED =
      Set.of("-X", "--repository", "-p", "--root", "-t", "--virtual", "--arch", "--cache-dir");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Instruction run : RunScript.shippedRuns(dockerfile)) {
      if (RunScript.cacheMount(run, "/var/cache/apk")
          || RunScript.cacheMount(run, "/etc/apk/cache")) {
        continue;
      }
      List<RunScript.Cmd> commands = RunScript.commands(dockerfile, run);
      if (Cleanup.removes(commands, "/var/cache/apk")) {
        continue;
      }
      for (RunScript.Cmd c : commands) {
        Shell.Command cmd = c.command();
        Optional<Shell.Word> add =
            cmd.name().equals("apk")
                ? RunScript.subcommand(cmd, VALUED).filter(w -> w.value().equals("add"))
                : Optional.empty();
        if (add.isEmpty() || cmd.hasFlag("--no-cache")) {
          continue;
        }
        OptionalInt at = c.after(add.get());
        Fix fix =
            at.isPresent()
                ? Fix.of("Add --no-cache", TextEdit.insert(at.getAsInt(), " --no-cache"))
                : null;
        findings.add(
            finding(
                dockerfile.source(),
                c.span(),
                "apk add keeps the package index in /var/cache/apk in the image; use apk add"
                    + " --no-cache (it also makes apk update unnecessary)",
                fix));
      }
    }
    return findings;
  }
}
