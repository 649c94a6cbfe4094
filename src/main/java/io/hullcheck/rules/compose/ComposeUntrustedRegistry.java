package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.YScalar;
import io.hullcheck.model.ImageRef;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.dockerfile.UntrustedRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A service {@code image:} from a registry the policy does not trust. Off by default; the policy's
 * {@code trusted_registries} turns it on with that list (Docker Hub only when on without a list).
 * Services with {@code build} are exempt (their {@code image} names what is built, not what is
 * pulled), and so are images that depend on an unset variable.
 */
@RuleInfo(
    id = "compose-untrusted-registry",
    title = "Service image from a registry outside trusted_registries",
    severity = Severity.ERROR,
    target = Target.COMPOSE,
    category = Category.SUPPLY_CHAIN,
    rationale =
        "Images from registries the team has not vetted can change or disappear under the same"
            + " name; pulling only from trusted registries or mirrors keeps deployments"
            + " reproducible and reviewed.",
    cis = {"4.2"},
    enabledByDefault = false)
public final class ComposeUntrustedRegistry implements ComposeRule {

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    List<String> trusted = UntrustedRegistry.trusted(context);
    List<Finding> findings = new ArrayList<>();
    for (Service service : compose.services()) {
      if (service.build() != null) {
        continue;
      }
      Optional<YScalar> image = service.scalar("image");
      if (image.isEmpty() || !image.get().known()) {
        continue;
      }
      Optional<ImageRef> ref = ImageRef.parse(image.get().value());
      if (ref.isEmpty() || UntrustedRegistry.isTrusted(ref.get(), trusted)) {
        continue;
      }
      findings.add(
          finding(
              compose.source(), image.get().span(), UntrustedRegistry.message(ref.get(), trusted)));
    }
    return findings;
  }
}
