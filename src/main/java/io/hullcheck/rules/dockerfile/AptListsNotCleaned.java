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
import java.util.List;
import java.util.Optional;

/**
 * A RUN of a stage the final image is built from runs {@code apt-get install} (or {@code apt
 * install}) and does not delete {@code /var/lib/apt/lists} in the same RUN ({@code rm -r}, {@code
 * find -delete}, or {@code apt-get dist-clean}, which empties the lists). A cache mount on {@code
 * /var/lib/apt} or its lists keeps them out of the layer, so it exempts. One finding per RUN, at
 * its first install. The fix appends {@code && rm -rf /var/lib/apt/lists/*} to a shell-form RUN
 * without heredocs.
 */
@RuleInfo(
    id = "apt-lists-not-cleaned",
    title = "apt package lists are left in the image",
    severity = Severity.INFO,
    target = Target.DOCKERFILE,
    category = Category.BUILD_HYGIENE,
    fixable = true,
    rationale =
        "apt-get update downloads package lists of tens of megabytes; a later RUN cannot remove"
            + " them from the layer they were written in, so they ship unless the same RUN"
            + " deletes them.",
    hadolint = {"DL3009"},
    kics = {"apt_get_install_lists_were_not_deleted"})
public final class AptListsNotCleaned implements DockerfileRule {
  private static final String LISTS = "/var/lib/apt/lists";

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    return RunScript.shippedRuns(dockerfile).stream()
        .filter(run -> !RunScript.cacheMount(run, LISTS))
        .flatMap(run -> check(dockerfile, run).stream())
        .toList();
  }

  private Optional<Finding> check(Dockerfile dockerfile, Instruction run) {
    List<RunScript.Cmd> commands = RunScript.commands(dockerfile, run);
    Optional<RunScript.Cmd> install =
        commands.stream().filter(c -> Apt.install(c.command()).isPresent()).findFirst();
    boolean distClean =
        commands.stream()
            .anyMatch(
                c ->
                    Apt.subcommand(c.command())
                        .filter(w -> w.value().equals("dist-clean"))
                        .isPresent());
    if (install.isEmpty() || distClean || Cleanup.removes(commands, LISTS)) {
      return Optional.empty();
    }
    Fix fix =
        run.execForm() || !run.heredocs().isEmpty() || install.get().offsets() == null
            ? null
            : Fix.of(
                "Delete the package lists in the same RUN",
                TextEdit.insert(run.argSpan().endOffset(), " && rm -rf " + LISTS + "/*"));
    return Optional.of(
        finding(
            dockerfile.source(),
            install.get().span(),
            "This RUN installs with "
                + install.get().command().name()
                + " but leaves the package lists in "
                + LISTS
                + " in its layer; end the same RUN with && rm -rf "
                + LISTS
                + "/* (or use a cache mount on /var/lib/apt)",
            fix));
  }
}
