package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.model.ImageRef;
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

/**
 * A FROM that builds from an image (not another stage, not {@code scratch}) by tag, without an
 * {@code @sha256:} digest. ARG defaults are applied; an unknown image is not judged. Every stage: a
 * builder's base decides what the build runs. An audit rule, off by default.
 */
@RuleInfo(
    id = "from-not-digest-pinned",
    title = "Base image is not pinned by digest",
    severity = Severity.INFO,
    target = Target.DOCKERFILE,
    category = Category.SUPPLY_CHAIN,
    rationale =
        "A tag can be moved to other content at any time; a digest names exactly one image, so"
            + " builds are reproducible and a replaced image is noticed. Off by default: digests"
            + " need a bot such as Renovate or Dependabot to stay current.",
    enabledByDefault = false)
public final class FromNotDigestPinned implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : dockerfile.stages()) {
      if (stage.parent() != null || stage.from().args().isEmpty()) {
        continue;
      }
      Optional<ImageRef> ref =
          stage
              .resolvedImage()
              .filter(s -> !s.trim().equalsIgnoreCase("scratch"))
              .flatMap(ImageRef::parse);
      if (ref.isEmpty() || ref.get().digest() != null) {
        continue;
      }
      findings.add(
          finding(
              dockerfile.source(),
              // At the keyword, and without naming the image: base-image-full's fix rewrites the
              // image, and this finding must stay the same one for that fix to verify.
              stage.from().keywordSpan(),
              "This base image is pinned by tag only: add its digest (image:tag@sha256:…) and"
                  + " let Renovate or Dependabot keep it current"));
    }
    return findings;
  }
}
