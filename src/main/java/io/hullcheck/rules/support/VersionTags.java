package io.hullcheck.rules.support;

import io.hullcheck.model.ImageRef;
import io.hullcheck.rules.ImageRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Version tags of an image repository read as versions: {@code [v]1.27.3[-variant]}, numbers
 * compared as numbers ({@code 1.27.3} is newer than {@code 1.9}, and more specific than {@code
 * 1.27}), the suffix after the first dash naming the variant ({@code -alpine}, {@code
 * -slim-bookworm}). Pre-releases ({@code rc}, {@code beta}, {@code alpha}, ...) never qualify.
 * Stateless.
 */
public final class VersionTags {
  private static final Pattern VERSION = Pattern.compile("v?(\\d{1,9}(?:\\.\\d{1,9})*)(-.+)?");
  private static final Pattern PRE_RELEASE =
      Pattern.compile(
          "(?i)(rc|alpha|beta|pre|preview|dev|snapshot|nightly|canary|ea|test|insider)\\d*");

  /** How many of the newest candidates are compared by digest with the floating tag. */
  static final int DIGEST_PROBES = 4;

  private VersionTags() {}

  /** A version tag split into its numbers and variant suffix ("" for none). */
  record Version(String tag, List<Long> numbers, String suffix) {}

  static final Comparator<Version> NEWEST_FIRST =
      ((Comparator<Version>) VersionTags::compareNumbers)
          .reversed()
          .thenComparing(Version::tag, Comparator.naturalOrder());

  static Optional<Version> parse(String tag) {
    Matcher m = VERSION.matcher(tag);
    if (!m.matches()) {
      return Optional.empty();
    }
    List<Long> numbers = new ArrayList<>();
    for (String part : m.group(1).split("\\.")) {
      numbers.add(Long.parseLong(part));
    }
    String suffix = m.group(2) == null ? "" : m.group(2);
    for (String word : suffix.split("[-._]")) {
      if (PRE_RELEASE.matcher(word).matches()) {
        return Optional.empty();
      }
    }
    return Optional.of(new Version(tag, List.copyOf(numbers), suffix));
  }

  /** Number by number; when one is a prefix of the other, the longer (more specific) is newer. */
  static int compareNumbers(Version a, Version b) {
    for (int i = 0; i < Math.min(a.numbers().size(), b.numbers().size()); i++) {
      int c = Long.compare(a.numbers().get(i), b.numbers().get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.numbers().size(), b.numbers().size());
  }

  /**
   * The variant suffix a floating tag stands for, when it means "the newest release of that
   * variant": none or {@code latest} mean the plain variant, {@code latest-alpine} and {@code
   * alpine} mean {@code -alpine} (the latter only when version tags with that suffix exist). Empty
   * for tags naming a release line the tags do not reveal ({@code lts}, {@code stable}, {@code
   * edge}): pinning those to the newest version would change what the image runs.
   */
  public static Optional<String> variantOf(String floatingTag, List<String> tags) {
    if (floatingTag == null || floatingTag.equals("latest")) {
      return Optional.of("");
    }
    String t = floatingTag.toLowerCase(Locale.ROOT);
    if (t.startsWith("latest-")) {
      return Optional.of(floatingTag.substring("latest".length()));
    }
    if (t.chars().anyMatch(Character::isDigit)) {
      return Optional.empty();
    }
    String suffix = "-" + floatingTag;
    boolean exists =
        tags.stream()
            .map(VersionTags::parse)
            .flatMap(Optional::stream)
            .anyMatch(v -> v.suffix().equals(suffix));
    return exists ? Optional.of(suffix) : Optional.empty();
  }

  /** The version tags with exactly this variant suffix, newest first. */
  public static List<String> newestFirst(List<String> tags, String suffix) {
    return tags.stream()
        .map(VersionTags::parse)
        .flatMap(Optional::stream)
        .filter(v -> v.suffix().equals(suffix))
        .sorted(NEWEST_FIRST)
        .map(Version::tag)
        .toList();
  }

  /**
   * The version tag to pin a floating (or missing) tag to, or empty when the registry does not say
   * or the tag names no newest release. The newest few candidates are compared by digest with what
   * the floating tag points to today, so an image whose {@code latest} trails its newest version
   * (Ubuntu's points to the LTS) is pinned to what it runs now; when none matches, or the floating
   * tag's digest is unknown, the newest version of the variant is used.
   */
  public static Optional<String> pinFor(ImageRegistry registry, ImageRef image) {
    if (!registry.online()) {
      return Optional.empty();
    }
    Optional<List<String>> tags = registry.tags(image);
    if (tags.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> suffix = variantOf(image.tag(), tags.get());
    if (suffix.isEmpty()) {
      return Optional.empty();
    }
    List<String> candidates = newestFirst(tags.get(), suffix.get());
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    String floating = image.tag() == null ? "latest" : image.tag();
    Optional<String> now =
        tags.get().contains(floating) ? registry.digest(image, floating) : Optional.empty();
    if (now.isPresent()) {
      for (String c : candidates.subList(0, Math.min(DIGEST_PROBES, candidates.size()))) {
        if (registry.digest(image, c).equals(now)) {
          return Optional.of(c);
        }
      }
    }
    return Optional.of(candidates.get(0));
  }

  /**
   * {@link #pinFor}, followed by {@code @sha256:...} when {@code withDigest} (then empty if the
   * digest is unknown: the policy asked for a digest, and a tag alone is not what it asked for).
   */
  public static Optional<String> pinnedTag(
      ImageRegistry registry, ImageRef image, boolean withDigest) {
    Optional<String> tag = pinFor(registry, image);
    if (tag.isEmpty() || !withDigest) {
      return tag;
    }
    return registry.digest(image, tag.get()).map(d -> tag.get() + "@" + d);
  }

  /** Whether the rule's {@code pin_to} option asks for {@code tag@digest}. */
  public static boolean wantsDigest(io.hullcheck.rules.Options options) {
    return options.getString("pin_to", "tag").equals("digest");
  }
}
