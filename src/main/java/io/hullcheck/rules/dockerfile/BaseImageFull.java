package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.dockerfile.Word;
import io.hullcheck.model.ImageRef;
import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.TextEdit;
import io.hullcheck.rules.support.ShellText;
import io.hullcheck.rules.support.Stages;
import java.util.List;
import java.util.Optional;

/**
 * The image that ships is built on the full variant of an official image that has a smaller one.
 * Which images, which tags are full and what replaces them is data: {@code
 * policies/data/base-images.yml}. Only the final stage's chain counts; builder stages are meant to
 * carry compilers. The fix swaps the tag for the slim variant when the table gives a mechanical
 * replacement, the tag is written literally in the FROM line (not built from an ARG), the image is
 * not pinned by digest, and no RUN of the chain calls a tool the table says needs the full variant.
 *
 * <p>With registry lookups ({@link io.hullcheck.rules.ImageRegistry}) the table's replacement is
 * only suggested when the registry lists that tag: when it does not, the message asks for a slim
 * variant without naming one; when the registry does not answer, there is no fix.
 */
@RuleInfo(
    id = "base-image-full",
    title = "Final image uses a full base image variant",
    severity = Severity.INFO,
    target = Target.DOCKERFILE,
    category = Category.BASE_IMAGE,
    fixable = true,
    rationale =
        "Full variants ship compilers, headers and hundreds of packages the app never runs; they"
            + " make the image several times larger and bring more vulnerabilities to patch.",
    cis = {"4.3"})
public final class BaseImageFull implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    Optional<Stage> last = dockerfile.finalStage();
    if (last.isEmpty()) {
      return List.of();
    }
    // Like healthcheck-missing: a final stage that starts nothing (a CI or export target) is not
    // the image that runs, so its base is not judged.
    if (Stages.lastInChain(last.get(), "CMD", "ENTRYPOINT").isEmpty()) {
      return List.of();
    }
    Stage root = Stages.root(last.get());
    Optional<Word> word = Stages.imageWord(root);
    Optional<ImageRef> ref = Stages.baseImage(last.get());
    if (word.isEmpty() || ref.isEmpty()) {
      return List.of();
    }
    ImageRef image = ref.get();
    if (image.tag() == null && image.digest() != null) {
      return List.of();
    }
    BaseImageTable table = BaseImageTable.of(context.data());
    Optional<BaseImageTable.Variant> variant = table.variant(image);
    if (variant.isEmpty()) {
      return List.of();
    }
    Optional<BaseImageTable.SlimSuggestion> suggestion =
        BaseImageTable.suggest(variant.get(), image.tag());
    if (suggestion.isEmpty()) {
      return List.of();
    }
    SourceFile source = dockerfile.source();
    BaseImageTable.SlimSuggestion s = suggestion.get();
    String current = image.name() + ":" + (image.tag() == null ? "latest" : image.tag());
    String advice = variant.get().advice() == null ? "a slim variant" : variant.get().advice();
    if (!s.mechanical()) {
      return List.of(finding(source, word.get().span(), message(variant.get(), current, advice)));
    }
    String replacement = s.image() + ":" + s.tag();
    Optional<Boolean> exists = exists(context, replacement, s.tag());
    if (exists.isPresent() && !exists.get()) {
      return List.of(finding(source, word.get().span(), message(variant.get(), current, advice)));
    }
    Fix fix =
        fixEdit(source, word.get(), image, s)
            .filter(e -> image.digest() == null && !needsFullVariant(last.get(), variant.get()))
            .filter(e -> exists.isPresent())
            .map(e -> Fix.of("Use " + replacement + " (install any missing runtime package)", e))
            .orElse(null);
    return List.of(
        finding(source, word.get().span(), message(variant.get(), current, replacement), fix));
  }

  /**
   * Whether the registry lists the replacement's tag: always yes offline (the table is trusted
   * then), empty when lookups are on but the registry did not answer.
   */
  private static Optional<Boolean> exists(RuleContext context, String replacement, String tag) {
    if (!context.registry().online()) {
      return Optional.of(true);
    }
    return ImageRef.parse(replacement)
        .flatMap(ref -> context.registry().tags(ref))
        .map(tags -> tags.contains(tag));
  }

  private static String message(BaseImageTable.Variant variant, String current, String instead) {
    String why =
        variant.deprecated()
            ? " is deprecated and ships a full JDK"
            : " is the full variant, larger than the slim one by packages the app does not need at"
                + " run time";
    return "The final image is based on " + current + ", which" + why + "; use " + instead;
  }

  /** The edit that writes the slim tag, if the FROM line writes the tag (or image) literally. */
  private static Optional<TextEdit> fixEdit(
      SourceFile source, Word word, ImageRef image, BaseImageTable.SlimSuggestion s) {
    String raw = source.slice(word.span());
    if (!raw.equals(word.raw()) || image.tag() == null) {
      return Optional.empty();
    }
    if (!s.image().equals(image.repository())) {
      // Another repository (openjdk -> eclipse-temurin): only a plain literal name is rewritten.
      boolean plain = raw.equals(image.repository() + ":" + image.tag());
      return plain
          ? Optional.of(TextEdit.replace(word.span(), s.image() + ":" + s.tag()))
          : Optional.empty();
    }
    if (!raw.endsWith(":" + image.tag())) {
      return Optional.empty();
    }
    int end = word.span().endOffset();
    return Optional.of(new TextEdit(end - image.tag().length(), end, s.tag()));
  }

  private static boolean needsFullVariant(Stage stage, BaseImageTable.Variant variant) {
    for (Instruction ins : Stages.chainInstructions(stage)) {
      if (!ins.is("RUN")) {
        continue;
      }
      for (String tool : variant.noFixIfRunUses()) {
        if (ShellText.calls(ins, tool)) {
          return true;
        }
      }
    }
    return false;
  }
}
