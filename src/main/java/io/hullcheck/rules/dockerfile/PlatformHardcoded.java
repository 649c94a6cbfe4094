package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Flag;
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
import java.util.Optional;

/**
 * {@code FROM --platform=} with a literal value. Any value written with a variable ({@code
 * $BUILDPLATFORM}, {@code ${TARGETPLATFORM}}, quoted, or a stage ARG) is the builder's choice and
 * is not reported, even when the variable has a literal default.
 */
@RuleInfo(
    id = "platform-hardcoded",
    title = "FROM pins a literal --platform",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.CORRECTNESS,
    rationale =
        "A literal platform makes the image build for that platform whatever the builder asks"
            + " for, so a multi-platform build silently ships the wrong architecture or runs under"
            + " emulation.",
    hadolint = {"DL3029"},
    kics = {"using_platform_with_from"})
public final class PlatformHardcoded implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : dockerfile.stages()) {
      Optional<Flag> platform = stage.from().flag("platform");
      if (platform.isEmpty() || platform.get().valueSpan() == null) {
        continue;
      }
      String raw = dockerfile.source().slice(platform.get().valueSpan());
      if (raw.contains("$") || raw.isBlank()) {
        continue;
      }
      String value = raw.replace("\"", "").replace("'", "");
      findings.add(
          finding(
              dockerfile.source(),
              platform.get().span(),
              "FROM --platform="
                  + value
                  + " builds this stage for "
                  + value
                  + " whatever platform is requested; drop the flag, or use"
                  + " --platform=$BUILDPLATFORM for a stage that cross-compiles"));
    }
    return findings;
  }
}
