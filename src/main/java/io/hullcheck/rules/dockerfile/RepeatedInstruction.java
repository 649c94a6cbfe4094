package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared check of the rules for instructions of which only the last one per stage takes effect
 * (CMD, ENTRYPOINT, HEALTHCHECK). Every earlier one in the same stage is reported at its keyword,
 * with a fix that deletes its lines; a repeat in another stage is not a repeat. Package-private.
 */
final class RepeatedInstruction {
  private RepeatedInstruction() {}

  static List<Finding> check(Dockerfile dockerfile, DockerfileRule rule, String keyword) {
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : dockerfile.stages()) {
      List<Instruction> all = stage.all(keyword);
      if (all.size() < 2) {
        continue;
      }
      Instruction last = all.get(all.size() - 1);
      for (Instruction dead : all.subList(0, all.size() - 1)) {
        findings.add(
            rule.finding(
                dockerfile.source(),
                dead.keywordSpan(),
                "This "
                    + keyword
                    + " has no effect: the "
                    + keyword
                    + " at line "
                    + last.span().startLine()
                    + " in the same stage replaces it; delete this one",
                Fix.of(
                    "Delete the " + keyword + " that is replaced",
                    RemoveLines.of(dockerfile.source(), dead))));
      }
    }
    return findings;
  }
}
