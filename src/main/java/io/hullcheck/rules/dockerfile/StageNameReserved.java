package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.dockerfile.Word;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A stage named {@code scratch} or {@code context} (any case), names BuildKit reserves and warns
 * about. Names BuildKit rejects for their characters are parse problems already, not reported here.
 */
@RuleInfo(
    id = "stage-name-reserved",
    title = "Stage uses a reserved name",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.CORRECTNESS,
    rationale =
        "scratch already names the empty image and context the build context; a stage with one"
            + " of those names makes FROM and COPY --from ambiguous to readers, and BuildKit warns.",
    hadolint = {"DL3063"})
public final class StageNameReserved implements DockerfileRule {
  private static final Set<String> RESERVED = Set.of("scratch", "context");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : dockerfile.stages()) {
      if (stage.alias() == null || !RESERVED.contains(stage.alias().toLowerCase(Locale.ROOT))) {
        continue;
      }
      List<Word> args = stage.from().args();
      findings.add(
          finding(
              dockerfile.source(),
              args.get(args.size() - 1).span(),
              "Stage name "
                  + stage.alias()
                  + " is reserved by BuildKit: rename the stage (and its --from uses)"));
    }
    return findings;
  }
}
