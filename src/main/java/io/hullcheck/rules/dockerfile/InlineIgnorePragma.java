package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Comment;
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
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A comment that switches a check off inline: Hullcheck's own {@code hullcheck ignore=} and the
 * peers' {@code hadolint ignore=}, {@code trivy:ignore:}, {@code checkov:skip=}, all of which
 * Hullcheck honours. For teams that want every exception in the policy file instead; off by
 * default.
 */
@RuleInfo(
    id = "inline-ignore-pragma",
    title = "Comment switches a check off inline",
    severity = Severity.INFO,
    target = Target.DOCKERFILE,
    category = Category.STYLE,
    rationale =
        "Inline ignores are easy to add in a hurry and hard to audit; a team that reviews"
            + " exceptions centrally wants them in the policy file, with a reason.",
    hadolint = {"DL1001"},
    enabledByDefault = false)
public final class InlineIgnorePragma implements DockerfileRule {
  private static final Pattern PRAGMA =
      Pattern.compile(
          "(hullcheck\\s+ignore(-file)?\\s*=|hadolint\\s+(global\\s+)?ignore\\s*=|checkov:skip=)"
              + ".*|.*\\btrivy:ignore:.*");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Comment c : dockerfile.comments()) {
      String text = c.text().trim();
      while (text.startsWith("#")) {
        text = text.substring(1).trim();
      }
      if (!PRAGMA.matcher(text.toLowerCase(Locale.ROOT)).matches()) {
        continue;
      }
      findings.add(
          finding(
              dockerfile.source(),
              c.span(),
              "Inline ignore \""
                  + text
                  + "\": move the exception to the policy file (ignore: with a path and a"
                  + " reason) so it is reviewed with the others"));
    }
    return findings;
  }
}
