package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.TextEdit;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code COPY --from} that names an earlier stage by its number. When that stage has an alias the
 * fix writes the alias instead.
 */
@RuleInfo(
    id = "copy-from-stage-index",
    title = "COPY --from names a stage by number",
    severity = Severity.INFO,
    target = Target.DOCKERFILE,
    category = Category.STYLE,
    fixable = true,
    rationale =
        "A stage number silently points at another stage when a stage is added or moved above;"
            + " a name keeps pointing at the same stage and says what it builds.",
    kics = {"using_unnamed_build_stages"})
public final class CopyFromStageIndex implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (CopyFromStages.Ref ref : CopyFromStages.refs(dockerfile)) {
      int index = ref.index();
      if (index < 0 || index >= ref.stage().index()) {
        continue;
      }
      Stage target = dockerfile.stages().get(index);
      Fix fix =
          target.alias() == null
              ? null
              : Fix.of(
                  "Name the stage " + target.alias(),
                  TextEdit.replace(ref.flag().valueSpan(), target.alias()));
      findings.add(
          finding(
              dockerfile.source(),
              ref.flag().span(),
              "COPY --from="
                  + index
                  + " names a stage by its position: "
                  + (target.alias() == null
                      ? "name that stage (FROM … AS build) and copy --from=build"
                      : "write --from=" + target.alias()),
              fix));
    }
    return findings;
  }
}
