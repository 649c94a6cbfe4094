package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
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
 * {@code COPY --from} names the stage the COPY is in, by alias (case-insensitive, as BuildKit) or
 * by index. Values with unknown variables are skipped.
 */
@RuleInfo(
    id = "copy-from-own-stage",
    title = "COPY --from names its own stage",
    severity = Severity.ERROR,
    target = Target.DOCKERFILE,
    category = Category.CORRECTNESS,
    rationale =
        "A stage cannot copy from itself: the build fails with a circular dependency, or, with an"
            + " image of the same name, silently copies from that image instead.",
    hadolint = {"DL3023"},
    trivy = {"DS-0006"},
    kics = {"copy_from_references_current_from_alias"})
public final class CopyFromOwnStage implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (CopyFromStages.Ref ref : CopyFromStages.refs(dockerfile)) {
      if (!ref.isOwnStage()) {
        continue;
      }
      findings.add(
          finding(
              dockerfile.source(),
              ref.flag().span(),
              ref.copy().keyword()
                  + " --from="
                  + ref.value()
                  + " names the stage it is in; point it at the earlier stage that builds the"
                  + " files, or drop --from to copy from the build context"));
    }
    return findings;
  }
}
