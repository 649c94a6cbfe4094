package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
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
 * A MAINTAINER instruction, anywhere. The fix rewrites it as the OCI authors label with the same
 * text, offered only when the text is one line without quotes, backslashes or {@code $}, which a
 * double-quoted LABEL value would otherwise change.
 */
@RuleInfo(
    id = "maintainer-deprecated",
    title = "MAINTAINER is deprecated",
    severity = Severity.INFO,
    target = Target.DOCKERFILE,
    category = Category.STYLE,
    fixable = true,
    rationale =
        "MAINTAINER has been deprecated since Docker 1.13; the OCI label is what registries and"
            + " scanners read.",
    hadolint = {"DL4000"},
    trivy = {"DS-0022"},
    kics = {"maintainer_instruction_being_used"},
    checkov = {"CKV_DOCKER_6"})
public final class MaintainerDeprecated implements DockerfileRule {
  static final String LABEL = "org.opencontainers.image.authors";

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Instruction ins : dockerfile.instructions()) {
      if (!ins.is("MAINTAINER")) {
        continue;
      }
      String who = ins.argText().trim();
      String replacement = "LABEL " + LABEL + "=\"" + who + "\"";
      Fix fix =
          who.isEmpty() || !ins.heredocs().isEmpty() || who.matches("(?s).*[\"\\\\$`\\n\\r].*")
              ? null
              : Fix.of("Use the OCI authors label", TextEdit.replace(ins.span(), replacement));
      findings.add(
          finding(
              dockerfile.source(),
              ins.keywordSpan(),
              "MAINTAINER is deprecated; write " + replacement + " instead",
              fix));
    }
    return findings;
  }
}
