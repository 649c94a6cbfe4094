package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.YEntry;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * A service with both {@code build} and {@code image} and no {@code pull_policy}: whether Compose
 * runs the local build or an image pulled under that name depends on what is in the local cache and
 * the registry. A {@code pull_policy} states which one is meant and exempts the service, as does
 * option {@code exceptions} (service names). Reported at the {@code image} line. No fix: which one
 * is meant is the team's choice.
 */
@RuleInfo(
    id = "build-and-image",
    title = "Service sets both build and image",
    severity = Severity.INFO,
    target = Target.COMPOSE,
    category = Category.CORRECTNESS,
    rationale =
        "With both keys Compose may run an image pulled under that name instead of the local"
            + " build, or push the local build over a published tag, depending on the cache and"
            + " on which command runs.",
    dclint = "no-build-and-image",
    enabledByDefault = false)
public final class BuildAndImageRule implements ComposeRule {

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    if (compose.root() == null) {
      return List.of();
    }
    List<String> exceptions = context.options().getStringList("exceptions", List.of());
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    List<Finding> out = new ArrayList<>();
    for (Service s : compose.services()) {
      YEntry image = s.body().entry("image").orElse(null);
      if (image == null
          || s.build() == null
          || s.body().entry("pull_policy").isPresent()
          || exceptions.contains(s.name())) {
        continue;
      }
      boolean own =
          image.mergedVia() == null && ValueFindings.writtenIn(compose, s, image.key().span());
      out.add(
          finding(
              compose.source(),
              own ? edits.written(image) : s.nameSpan(),
              "Service "
                  + s.name()
                  + " sets both build and image, so whether it runs the local build or a pulled"
                  + " image depends on the cache; keep one, or add pull_policy: build to always"
                  + " run the local build (pull_policy: missing to prefer the registry)"));
    }
    return out;
  }
}
