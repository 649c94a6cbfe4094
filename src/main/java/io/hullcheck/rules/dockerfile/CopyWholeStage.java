package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
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
import java.util.Set;

/**
 * A {@code COPY --from=<stage or image>} whose source is the root of that filesystem ({@code /},
 * {@code /.}): everything the stage installed comes along. Not reported in a {@code FROM scratch}
 * stage copying to {@code /}, which squashes an image into one layer on purpose.
 */
@RuleInfo(
    id = "copy-whole-stage",
    title = "COPY --from copies a whole filesystem",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.BUILD_HYGIENE,
    rationale =
        "Copying / from a build stage brings its compilers, caches and package databases into the"
            + " image, which undoes the point of a multi-stage build.",
    hadolint = {"DL3067"})
public final class CopyWholeStage implements DockerfileRule {
  private static final Set<String> ROOTS = Set.of("/", "/.", "/*", "/./");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (CopyFromStages.Ref ref : CopyFromStages.refs(dockerfile)) {
      List<Word> args = ref.copy().args();
      if (args.size() < 2 || flattening(ref, args)) {
        continue;
      }
      for (Word src : args.subList(0, args.size() - 1)) {
        if (!ROOTS.contains(src.value())) {
          continue;
        }
        findings.add(
            finding(
                dockerfile.source(),
                src.span(),
                "COPY --from="
                    + ref.value()
                    + " copies its whole filesystem ("
                    + src.value()
                    + "): copy only the files the image needs, such as the built binary"));
      }
    }
    return findings;
  }

  /** {@code FROM scratch} then {@code COPY --from=x / /}: squashing an image, a known idiom. */
  private static boolean flattening(CopyFromStages.Ref ref, List<Word> args) {
    return Stages.fromScratch(ref.stage()) && args.get(args.size() - 1).value().equals("/");
  }
}
