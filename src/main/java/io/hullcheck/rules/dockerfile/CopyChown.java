package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Flag;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.support.Stages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A COPY or ADD of the image that ships with {@code --chown} to a user other than root: the files
 * are owned, and so writable, by that user. Off by default: giving the app user its files is common
 * practice, and sometimes required (data directories).
 */
@RuleInfo(
    id = "copy-chown",
    title = "COPY --chown gives the app user its own code",
    severity = Severity.INFO,
    target = Target.DOCKERFILE,
    category = Category.PRIVILEGES,
    rationale =
        "Code and binaries owned by the user the app runs as can be rewritten by the app: an"
            + " attacker who gets code execution can then persist. Root-owned files with --chmod"
            + " keep them read-only to the app.",
    kics = {"chown_flag_exists"},
    enabledByDefault = false)
public final class CopyChown implements DockerfileRule {
  private static final Set<String> ROOT =
      Set.of("root", "0", "root:root", "0:0", "root:0", "0:root");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    Optional<Stage> last = dockerfile.finalStage();
    if (last.isEmpty()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (Instruction ins : Stages.chainInstructions(last.get())) {
      Optional<Flag> chown = ins.is("COPY") || ins.is("ADD") ? ins.flag("chown") : Optional.empty();
      if (chown.isEmpty() || chown.get().value() == null || ROOT.contains(chown.get().value())) {
        continue;
      }
      findings.add(
          finding(
              dockerfile.source(),
              chown.get().span(),
              ins.keyword()
                  + " --chown="
                  + chown.get().value()
                  + " makes the files writable by the user the app runs as: leave them owned by"
                  + " root and use --chmod (e.g. 0755 for programs, 0644 for files) unless the"
                  + " app must write them"));
    }
    return findings;
  }
}
