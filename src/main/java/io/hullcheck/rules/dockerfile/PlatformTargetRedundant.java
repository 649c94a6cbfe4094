package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Flag;
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
import java.util.Optional;
import java.util.Set;

/**
 * {@code FROM --platform=$TARGETPLATFORM} (or {@code ${TARGETPLATFORM}}, quoted): the default
 * already. The fix deletes the flag and the blank after it.
 */
@RuleInfo(
    id = "platform-target-redundant",
    title = "FROM --platform=$TARGETPLATFORM is the default",
    severity = Severity.INFO,
    target = Target.DOCKERFILE,
    category = Category.STYLE,
    fixable = true,
    rationale =
        "A stage is built for the target platform unless told otherwise; spelling it out adds"
            + " noise and suggests to readers that this stage is special.",
    hadolint = {"DL3065"})
public final class PlatformTargetRedundant implements DockerfileRule {
  private static final Set<String> TARGET = Set.of("$TARGETPLATFORM", "${TARGETPLATFORM}");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    String text = dockerfile.source().text();
    for (Stage stage : dockerfile.stages()) {
      Optional<Flag> platform = stage.from().flag("platform");
      if (platform.isEmpty() || platform.get().valueSpan() == null) {
        continue;
      }
      String raw = dockerfile.source().slice(platform.get().valueSpan());
      if (!TARGET.contains(raw.replace("\"", "").replace("'", "").trim())) {
        continue;
      }
      int start = platform.get().span().startOffset();
      int end = platform.get().span().endOffset();
      while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
        end++;
      }
      findings.add(
          finding(
              dockerfile.source(),
              platform.get().span(),
              "FROM --platform=" + raw + " asks for what a stage gets anyway: drop the flag",
              Fix.of("Drop --platform", TextEdit.delete(start, end))));
    }
    return findings;
  }
}
