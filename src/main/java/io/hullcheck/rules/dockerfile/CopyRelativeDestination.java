package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.dockerfile.Word;
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

/**
 * A COPY or ADD with a relative destination before any WORKDIR of its stage chain: the files land
 * in whatever working directory the base image happens to set. Stages built from {@code scratch}
 * start at {@code /} and are not reported; a destination with a variable is not judged.
 */
@RuleInfo(
    id = "copy-relative-destination",
    title = "COPY to a relative path without WORKDIR",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.CORRECTNESS,
    rationale =
        "Without a WORKDIR of your own, a relative destination depends on the base image's"
            + " WORKDIR, which can change with a new base tag and move the files.",
    hadolint = {"DL3045"})
public final class CopyRelativeDestination implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : dockerfile.stages()) {
      if (Stages.fromScratch(stage)) {
        continue;
      }
      boolean workdir = false;
      for (Instruction ins : Stages.chainInstructions(stage)) {
        workdir |= ins.is("WORKDIR");
        if (workdir) {
          break;
        }
        if (ins.stageIndex() != stage.index() || !(ins.is("COPY") || ins.is("ADD"))) {
          continue;
        }
        List<Word> args = ins.args();
        if (args.size() < 2) {
          continue;
        }
        Word dest = args.get(args.size() - 1);
        String v = dest.value();
        if (v.startsWith("/")
            || v.contains("$")
            || v.matches("(?i)[a-z]:.*")
            || v.startsWith("\\")) {
          continue;
        }
        findings.add(
            finding(
                dockerfile.source(),
                dest.span(),
                ins.keyword()
                    + " to the relative path "
                    + v
                    + " with no WORKDIR set: add WORKDIR /app (or the directory you mean) before"
                    + " it, or write an absolute destination"));
      }
    }
    return findings;
  }
}
