package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.model.Span;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A stage alias (compared case-insensitively, as BuildKit) already used by an earlier stage. */
@RuleInfo(
    id = "duplicate-stage-alias",
    title = "Two stages share an alias",
    severity = Severity.ERROR,
    target = Target.DOCKERFILE,
    category = Category.CORRECTNESS,
    rationale =
        "BuildKit refuses a Dockerfile whose stages share a name, and older builders silently"
            + " resolved --from to one of them.",
    hadolint = {"DL3024"},
    trivy = {"DS-0012"},
    kics = {"same_alias_in_different_froms"},
    checkov = {"CKV_DOCKER_11"})
public final class DuplicateStageAlias implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : dockerfile.stages()) {
      if (stage.alias() == null) {
        continue;
      }
      Optional<Stage> earlier = dockerfile.stageNamed(stage.alias(), stage.index());
      if (earlier.isEmpty()) {
        continue;
      }
      findings.add(
          finding(
              dockerfile.source(),
              aliasSpan(stage),
              "Stage alias "
                  + stage.alias()
                  + " is already used by the stage at line "
                  + earlier.get().from().span().startLine()
                  + "; rename one of them and the --from references that mean it"));
    }
    return findings;
  }

  private static Span aliasSpan(Stage stage) {
    var args = stage.from().args();
    return args.size() >= 3 ? args.get(2).span() : stage.from().span();
  }
}
