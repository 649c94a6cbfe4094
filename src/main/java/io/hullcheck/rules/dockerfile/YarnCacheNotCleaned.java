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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A RUN of a stage the final image is built from runs {@code yarn install} (also bare {@code yarn},
 * {@code yarn add}, {@code yarn global add}) and does not run {@code yarn cache clean} or remove
 * the yarn cache directory in the same RUN. A cache mount on the yarn cache exempts. One finding
 * per RUN, at its first install. The fix appends {@code && yarn cache clean} to a shell-form RUN
 * without heredocs.
 */
@RuleInfo(
    id = "yarn-cache-not-cleaned",
    title = "yarn cache is left in the image",
    severity = Severity.INFO,
    target = Target.DOCKERFILE,
    category = Category.BUILD_HYGIENE,
    fixable = true,
    rationale =
        "yarn keeps a copy of every package it installs in its global cache; in an image that"
            + " cache is dead weight, often as large as node_modules itself.",
    hadolint = {"DL3060"})
public final class YarnCacheNotCleaned implements DockerfileRule {
  private static final List<String> CACHES =
      List.of("/usr/local/share/.cache/yarn", "/root/.cache/yarn", "/home/node/.cache/yarn");
  private static final Set<String> VALUED =
      Set.of("--cwd", "--cache-folder", "--modules-folder", "--mutex", "--network-timeout");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    return RunScript.shippedRuns(dockerfile).stream()
        .filter(run -> !cacheMount(run))
        .flatMap(run -> check(dockerfile, run).stream())
        .toList();
  }

  private Optional<Finding> check(Dockerfile dockerfile, Instruction run) {
    List<RunScript.Cmd> commands = RunScript.commands(dockerfile, run);
    Optional<RunScript.Cmd> install =
        commands.stream().filter(c -> installs(c.command())).findFirst();
    if (install.isEmpty() || cleans(commands)) {
      return Optional.empty();
    }
    Fix fix =
        run.execForm() || !run.heredocs().isEmpty() || install.get().offsets() == null
            ? null
            : Fix.of(
                "Clean the yarn cache in the same RUN",
                TextEdit.insert(run.argSpan().endOffset(), " && yarn cache clean"));
    return Optional.of(
        finding(
            dockerfile.source(),
            install.get().span(),
            "This RUN installs with yarn but leaves the yarn cache in its layer; end the same RUN"
                + " with && yarn cache clean (or use a cache mount on the yarn cache)",
            fix));
  }

  private static boolean installs(Shell.Command cmd) {
    if (!cmd.name().equals("yarn")) {
      return false;
    }
    Optional<Shell.Word> sub = RunScript.subcommand(cmd, VALUED);
    if (sub.isEmpty()) {
      return true; // bare "yarn" installs
    }
    String s = sub.get().value();
    return s.equals("install")
        || s.equals("add")
        || (s.equals("global") && cmd.operandsAfter("global").contains("add"));
  }

  private static boolean cleans(List<RunScript.Cmd> commands) {
    for (RunScript.Cmd c : commands) {
      Shell.Command cmd = c.command();
      if (cmd.name().equals("yarn")
          && RunScript.subcommand(cmd, VALUED).filter(w -> w.value().equals("cache")).isPresent()
          && cmd.operandsAfter("cache").contains("clean")) {
        return true;
      }
    }
    return CACHES.stream().anyMatch(dir -> Cleanup.removes(commands, dir));
  }

  private static boolean cacheMount(Instruction run) {
    return CACHES.stream().anyMatch(dir -> RunScript.cacheMount(run, dir));
  }
}
