package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.dockerfile.Word;
import io.hullcheck.model.ImageRef;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.TextEdit;
import io.hullcheck.rules.support.Stages;
import io.hullcheck.rules.support.VersionTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A FROM without a tag, or on a floating tag, in any stage (a builder on {@code latest} makes the
 * build as unreproducible as a final stage on it). The image is taken after global ARG defaults are
 * applied; a digest counts as pinned; {@code scratch}, earlier stage names and values that depend
 * on an unknown variable are exempt. A tag is floating when it is one of {@code floating_tags}, or
 * one of them followed by a suffix without digits ({@code lts-alpine}, {@code latest-dev}).
 *
 * <p>The fix needs registry lookups ({@link io.hullcheck.rules.ImageRegistry}); offline there is
 * none. With them, a literal FROM image (not built from an ARG) is pinned to the version its tag
 * points to today, of the same variant ({@link VersionTags#pinFor}), followed by the digest when
 * the option {@code pin_to} is {@code digest}.
 */
@RuleInfo(
    id = "image-tag",
    title = "Base image is not pinned to a version",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.IMAGE_TAG,
    fixable = true,
    rationale =
        "An untagged or floating tag pulls whatever was pushed last, so the same commit builds"
            + " different images and a breaking or compromised release arrives unreviewed.",
    hadolint = {"DL3006", "DL3007"},
    trivy = {"DS-0001"},
    kics = {"image_version_not_explicit", "image_version_using_latest"},
    checkov = {"CKV_DOCKER_7"})
public final class ImageTag implements DockerfileRule {
  /** The anchors' floating tags plus the tags that float across major versions the same way. */
  static final List<String> DEFAULT_FLOATING_TAGS =
      List.of(
          "latest",
          "stable",
          "edge",
          "nightly",
          "lts",
          "current",
          "mainline",
          "rolling",
          "dev",
          "beta",
          "canary",
          "test",
          "alpine",
          "slim");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<String> floating =
        context.options().getStringList("floating_tags", DEFAULT_FLOATING_TAGS).stream()
            .map(t -> t.toLowerCase(Locale.ROOT))
            .toList();
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : dockerfile.stages()) {
      Optional<Word> word = Stages.imageWord(stage);
      if (stage.parent() != null || word.isEmpty()) {
        continue;
      }
      Optional<String> resolved = stage.resolvedImage().map(String::trim);
      if (resolved.isEmpty() || resolved.get().equalsIgnoreCase("scratch")) {
        continue;
      }
      Optional<ImageRef> ref = ImageRef.parse(resolved.get());
      if (ref.isEmpty() || ref.get().digest() != null) {
        continue;
      }
      String via = resolved.get().equals(stage.image()) ? "" : " (resolved from ARG defaults)";
      String tag = ref.get().tag();
      Fix fix =
          via.isEmpty() && (tag == null || isFloating(tag, floating))
              ? pin(dockerfile, word.get(), ref.get(), context)
              : null;
      if (tag == null) {
        findings.add(
            finding(
                dockerfile.source(),
                word.get().span(),
                "FROM "
                    + resolved.get()
                    + via
                    + " has no tag, so every build may pull a different"
                    + " image; pin a version tag ("
                    + ref.get().name()
                    + ":<version>) or a digest"
                    + " (@sha256:...)",
                fix));
      } else if (isFloating(tag, floating)) {
        findings.add(
            finding(
                dockerfile.source(),
                word.get().span(),
                "FROM "
                    + resolved.get()
                    + via
                    + " uses the floating tag '"
                    + tag
                    + "', which"
                    + " moves to new releases; pin a version tag or a digest (@sha256:...)",
                fix));
      }
    }
    return findings;
  }

  /** The registry-backed fix, or null when offline, unknown, or the FROM is not literal. */
  private static Fix pin(Dockerfile dockerfile, Word word, ImageRef ref, RuleContext context) {
    String raw = dockerfile.source().slice(word.span());
    if (!context.registry().online() || !raw.equals(word.raw()) || !raw.equals(ref.raw())) {
      return null;
    }
    String tag = ref.tag();
    if (tag != null && !raw.endsWith(":" + tag)) {
      return null;
    }
    return VersionTags.pinnedTag(
            context.registry(), ref, VersionTags.wantsDigest(context.options()))
        .map(
            pinned -> {
              int end = word.span().endOffset();
              TextEdit edit =
                  tag == null
                      ? TextEdit.insert(end, ":" + pinned)
                      : new TextEdit(end - tag.length(), end, pinned);
              return Fix.of("Pin " + ref.name() + " to " + pinned, edit);
            })
        .orElse(null);
  }

  static boolean isFloating(String tag, List<String> floating) {
    String t = tag.toLowerCase(Locale.ROOT);
    if (floating.contains(t)) {
      return true;
    }
    int dash = t.indexOf('-');
    return dash > 0
        && floating.contains(t.substring(0, dash))
        && t.substring(dash).chars().noneMatch(Character::isDigit);
  }
}
