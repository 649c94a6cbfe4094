package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
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
import java.util.stream.Collectors;

/**
 * {@code COPY --from} names neither an earlier stage nor an image. A value with {@code :}, {@code
 * /} or {@code @} is an image reference and allowed; a number must be the index of an earlier
 * stage; a bare name must be an earlier stage's alias. A bare name that is a later stage's alias is
 * reported too (the stage it needs is built after it, which the classic builder rejects). The own
 * stage is left to {@code copy-from-own-stage}; values with unknown variables are skipped.
 */
@RuleInfo(
    id = "copy-from-undefined-stage",
    title = "COPY --from names no earlier stage",
    severity = Severity.ERROR,
    target = Target.DOCKERFILE,
    category = Category.CORRECTNESS,
    rationale =
        "A bare name that is no earlier stage is pulled as an image from Docker Hub: a typo in a"
            + " stage name either fails the build or copies files from a stranger's image.",
    hadolint = {"DL3022"})
public final class CopyFromUndefinedStage implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (CopyFromStages.Ref ref : CopyFromStages.refs(dockerfile)) {
      String value = ref.value();
      if (ref.isOwnStage() || value.contains(":") || value.contains("/") || value.contains("@")) {
        continue;
      }
      int index = ref.index();
      int here = ref.stage().index();
      String message;
      if (index >= 0) {
        if (index < here) {
          continue;
        }
        message =
            "stage index "
                + value
                + " is not an earlier stage, so the build fails; use the index or alias of the"
                + " stage that builds the files";
      } else {
        if (dockerfile.stageNamed(value, here).isPresent()) {
          continue;
        }
        boolean later =
            dockerfile.stages().stream()
                .anyMatch(s -> s.index() > here && value.equalsIgnoreCase(s.alias()));
        message =
            (later
                    ? "stage " + value + " is defined after this one"
                    : "no earlier stage is named " + value + earlierAliases(dockerfile, here))
                + ", so the build pulls an image of that name instead; name an earlier stage, or"
                + " write the image with its tag (e.g. "
                + value
                + ":<version>)";
      }
      findings.add(
          finding(
              dockerfile.source(),
              ref.flag().span(),
              ref.copy().keyword() + " --from=" + value + ": " + message));
    }
    return findings;
  }

  private static String earlierAliases(Dockerfile dockerfile, int here) {
    String names =
        dockerfile.stages().stream()
            .filter(s -> s.index() < here && s.alias() != null)
            .map(Stage::alias)
            .collect(Collectors.joining(", "));
    return names.isEmpty() ? "" : " (earlier stages: " + names + ")";
  }
}
