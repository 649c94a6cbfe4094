package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.YScalar;
import io.hullcheck.model.ImageRef;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.TextEdit;
import io.hullcheck.rules.support.VersionTags;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code image:} without a tag or on a floating tag, judged after interpolation defaults. A digest
 * pins the image whatever the tag. Exempt: unknown values (a variable without default), and
 * services that also have {@code build:}, whose {@code image:} names the image Compose builds and
 * tags rather than one it pulls. Option {@code floating_tags} replaces the list of tags that move.
 * The fix needs registry lookups ({@link io.hullcheck.rules.ImageRegistry}); offline there is none.
 * With them, a literal value (no interpolation) is pinned to the version its tag points to today,
 * of the same variant ({@link VersionTags#pinFor}), followed by the digest when the option {@code
 * pin_to} is {@code digest}.
 */
@RuleInfo(
    id = "compose-image-tag",
    title = "Service image is not pinned to a version",
    severity = Severity.WARNING,
    target = Target.COMPOSE,
    category = Category.IMAGE_TAG,
    fixable = true,
    rationale =
        "An image without a tag, or on a tag like latest that moves, can change under the service"
            + " on any pull, so two machines run different software and a rollback restores"
            + " nothing.",
    dclint = "service-image-require-explicit-tag")
public final class ComposeImageTagRule implements ComposeRule {
  static final List<String> DEFAULT_FLOATING =
      List.of("latest", "stable", "edge", "nightly", "lts", "dev", "beta", "canary", "test");

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    Set<String> floating =
        context.options().getStringList("floating_tags", DEFAULT_FLOATING).stream()
            .map(t -> t.toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    ValueFindings found = new ValueFindings(this, compose, context);
    for (TagPulledImage pulled : TagPulledImage.of(compose)) {
      Service s = pulled.service();
      YScalar image = pulled.image();
      ImageRef ref = pulled.ref();
      String base =
          ref.registry() == null ? ref.repository() : ref.registry() + "/" + ref.repository();
      boolean flagged = ref.tag() == null || floating.contains(ref.tag().toLowerCase(Locale.ROOT));
      Supplier<Fix> fix = flagged ? pin(edits, image, ref, context) : null;
      if (ref.tag() == null) {
        found.add(
            s,
            "image",
            edits.tight(image),
            "image "
                + image.value()
                + " has no tag, so every pull takes whatever latest is then; pin a version"
                + " ("
                + base
                + ":<version>) or a digest (@sha256:...)",
            fix);
      } else if (floating.contains(ref.tag().toLowerCase(Locale.ROOT))) {
        found.add(
            s,
            "image",
            edits.tight(image),
            "image "
                + image.value()
                + " uses the floating tag "
                + ref.tag()
                + ", which moves to new releases; pin a version ("
                + base
                + ":<version>) or a digest (@sha256:...)",
            fix);
      }
    }
    return found.findings();
  }

  /** The registry-backed fix, or null when offline, unknown, or the value is interpolated. */
  private static Supplier<Fix> pin(
      YamlEdits edits, YScalar image, ImageRef ref, RuleContext context) {
    if (!context.registry().online() || !image.raw().equals(image.value())) {
      return null;
    }
    String tag = ref.tag();
    String raw = image.raw().strip();
    if (raw.contains("$") || tag != null && !raw.endsWith(":" + tag)) {
      return null;
    }
    return VersionTags.pinnedTag(
            context.registry(), ref, VersionTags.wantsDigest(context.options()))
        .map(
            pinned -> {
              String value =
                  (tag == null ? raw : raw.substring(0, raw.length() - tag.length() - 1))
                      + ":"
                      + pinned;
              TextEdit edit = edits.replaceScalar(image, value, /* forceQuotes= */ false);
              return edit == null
                  ? null
                  : (Supplier<Fix>) () -> Fix.of("Pin " + ref.name() + " to " + pinned, edit);
            })
        .orElse(null);
  }
}
