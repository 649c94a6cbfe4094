package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * A RUN directly after another RUN of the same stage, both without flags: a flag ({@code --mount},
 * {@code --network}) changes how the step runs, so such RUNs cannot simply be joined.
 */
@RuleInfo(
    id = "consecutive-run",
    title = "Consecutive RUN instructions could be one",
    severity = Severity.INFO,
    target = Target.DOCKERFILE,
    category = Category.STYLE,
    rationale =
        "Each RUN is a layer; merging steps that belong together keeps the image smaller when a"
            + " later step deletes what an earlier one made. Splitting is also a fair choice for"
            + " build caching, so this is off by default.",
    hadolint = {"DL3059"},
    kics = {"multiple_run_add_copy_instructions_listed"},
    enabledByDefault = false)
public final class ConsecutiveRun implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : dockerfile.stages()) {
      List<Instruction> ins = stage.instructions();
      for (int i = 1; i < ins.size(); i++) {
        Instruction prev = ins.get(i - 1);
        Instruction run = ins.get(i);
        if (!prev.is("RUN")
            || !run.is("RUN")
            || !prev.flags().isEmpty()
            || !run.flags().isEmpty()) {
          continue;
        }
        findings.add(
            finding(
                dockerfile.source(),
                run.keywordSpan(),
                "RUN follows another RUN directly: join them with && into one layer, unless the"
                    + " split is on purpose (then say why in a comment)"));
      }
    }
    return findings;
  }
}
