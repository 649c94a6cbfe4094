package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.List;

/**
 * A service {@code image:} without an {@code @sha256:} digest, judged after interpolation defaults.
 * The compose side of {@code from-not-digest-pinned}. Exempt: unknown values (a variable without
 * default) and services that also have {@code build:}, whose {@code image:} names the image Compose
 * builds rather than one it pulls. A value written in an anchor is reported once, where it is
 * written. An audit rule, off by default, for the same reason as its Dockerfile twin: digests need
 * a bot to stay current.
 */
@RuleInfo(
    id = "compose-image-not-digest-pinned",
    title = "Service image is not pinned by digest",
    severity = Severity.INFO,
    target = Target.COMPOSE,
    category = Category.SUPPLY_CHAIN,
    rationale =
        "A tag can be moved to other content at any time; a digest names exactly one image, so"
            + " every machine runs the same bytes and a replaced image is noticed. Off by default:"
            + " digests need a bot such as Renovate or Dependabot to stay current.",
    enabledByDefault = false)
public final class ComposeImageNotDigestPinnedRule implements ComposeRule {

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    if (compose.root() == null) {
      return List.of();
    }
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    ValueFindings found = new ValueFindings(this, compose, context);
    for (TagPulledImage pulled : TagPulledImage.of(compose)) {
      found.add(
          pulled.service(),
          "image",
          edits.tight(pulled.image()),
          "image "
              + pulled.image().value()
              + " is pinned by tag only: add its digest ("
              + pulled.image().value()
              + "@sha256:…) and let Renovate or Dependabot keep it current",
          null);
    }
    return found.findings();
  }
}
