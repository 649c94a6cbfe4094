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
 * Two or more RUNs in a row in one stage, all without flags: a flag ({@code --mount}, {@code
 * --network}) changes how the step runs, so such RUNs cannot simply be joined. One finding per run
 * of consecutive RUNs, spanning all of them and starting at the first: they are joined in one edit,
 * so one comment asks for it (a comment per RUN repeated the same request).
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
      List<Instruction> group = new ArrayList<>();
      for (Instruction i : stage.instructions()) {
        if (joinable(i)) {
          group.add(i);
          continue;
        }
        report(dockerfile, group, findings);
        group.clear();
      }
      report(dockerfile, group, findings);
    }
    return findings;
  }

  private static boolean joinable(Instruction i) {
    return i.is("RUN") && i.flags().isEmpty();
  }

  private void report(Dockerfile dockerfile, List<Instruction> group, List<Finding> findings) {
    if (group.size() < 2) {
      return;
    }
    Instruction first = group.get(0);
    Instruction last = group.get(group.size() - 1);
    findings.add(
        finding(
            dockerfile.source(),
            first.span().union(last.span()),
            group.size()
                + " RUN instructions in a row (lines "
                + first.span().startLine()
                + " to "
                + last.span().startLine()
                + "): join them with && into one layer, unless the split is on purpose (then say"
                + " why in a comment)"));
  }
}
