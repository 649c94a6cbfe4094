package io.hullcheck.rules.dockerfile;

import io.hullcheck.model.ImageRef;
import io.hullcheck.rules.RuleData;
import io.hullcheck.rules.support.Globs;
import io.hullcheck.rules.support.Stages;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The typed view of {@code policies/data/base-images.yml}: full-versus-slim variants, images that
 * run as non-root, and images that ship a probe tool. Built once per {@link RuleData} and cached
 * there; immutable. A missing or malformed table reads as empty, so rules then find nothing rather
 * than guess.
 */
final class BaseImageTable {
  static final String NAME = "base-images";

  /** One full-variant tag form and, when mechanical, its slim replacement. */
  record FullTag(Pattern tag, String slim, String toImage) {}

  record Variant(
      String image,
      String advice,
      boolean deprecated,
      List<String> noFixIfRunUses,
      List<FullTag> full) {}

  /**
   * A row of an image list: {@code image} and {@code tag} globs with their exceptions, plus what
   * the list says of the image ({@code tools} for probe_tools, {@code commands} for steps_down,
   * {@code advice} for root_master; empty or null elsewhere).
   */
  record ImageGlob(
      String image,
      String tag,
      List<String> except,
      List<String> exceptTags,
      List<String> tools,
      List<String> commands,
      String advice) {
    boolean matches(String name, String tagValue) {
      if (!Globs.matches(image, name) || except.stream().anyMatch(g -> Globs.matches(g, name))) {
        return false;
      }
      if (tag != null && !Globs.matches(tag, tagValue)) {
        return false;
      }
      return exceptTags.stream().noneMatch(g -> Globs.matches(g, tagValue));
    }
  }

  /** A full tag matched against the table: the suggested replacement, or null when advice only. */
  record SlimSuggestion(Variant variant, String image, String tag) {
    boolean mechanical() {
      return tag != null;
    }
  }

  private static final BaseImageTable EMPTY =
      new BaseImageTable(List.of(), List.of(), List.of(), List.of(), List.of());

  private final List<Variant> variants;
  private final List<ImageGlob> nonroot;
  private final List<ImageGlob> stepsDown;
  private final List<ImageGlob> rootMaster;
  private final List<ImageGlob> probeTools;

  private BaseImageTable(
      List<Variant> variants,
      List<ImageGlob> nonroot,
      List<ImageGlob> stepsDown,
      List<ImageGlob> rootMaster,
      List<ImageGlob> probes) {
    this.variants = variants;
    this.nonroot = nonroot;
    this.stepsDown = stepsDown;
    this.rootMaster = rootMaster;
    this.probeTools = probes;
  }

  static BaseImageTable of(RuleData data) {
    return data.table(NAME, BaseImageTable::parse);
  }

  static BaseImageTable parse(Object raw) {
    if (!(raw instanceof Map<?, ?> root)) {
      return EMPTY;
    }
    List<Variant> variants = new ArrayList<>();
    for (Map<?, ?> v : maps(root.get("variants"))) {
      List<FullTag> full = new ArrayList<>();
      for (Map<?, ?> f : maps(v.get("full"))) {
        String tag = str(f.get("tag"));
        if (tag != null) {
          full.add(new FullTag(Pattern.compile(tag), str(f.get("slim")), str(f.get("to_image"))));
        }
      }
      String image = str(v.get("image"));
      if (image != null) {
        variants.add(
            new Variant(
                image,
                str(v.get("advice")),
                Boolean.TRUE.equals(v.get("deprecated")),
                strings(v.get("no_fix_if_run_uses")),
                List.copyOf(full)));
      }
    }
    return new BaseImageTable(
        List.copyOf(variants),
        globs(root.get("nonroot")),
        globs(root.get("steps_down")),
        globs(root.get("root_master")),
        globs(root.get("probe_tools")));
  }

  /** The variant row for an official image, if the table has one. */
  Optional<Variant> variant(ImageRef ref) {
    if (!ref.isOfficial()) {
      return Optional.empty();
    }
    return variants.stream().filter(v -> v.image().equals(ref.repository())).findFirst();
  }

  /** When {@code tag} (null means latest) is a full variant of the row: what to use instead. */
  static Optional<SlimSuggestion> suggest(Variant variant, String tag) {
    String t = tag == null ? "latest" : tag;
    for (FullTag f : variant.full()) {
      Matcher m = f.tag().matcher(t);
      if (!m.matches()) {
        continue;
      }
      if (f.slim() == null || tag == null) {
        return Optional.of(new SlimSuggestion(variant, null, null));
      }
      String image = f.toImage() == null ? variant.image() : f.toImage();
      return Optional.of(new SlimSuggestion(variant, image, fill(f.slim(), m)));
    }
    return Optional.empty();
  }

  private static String fill(String template, Matcher m) {
    Matcher groups = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}").matcher(template);
    StringBuilder out = new StringBuilder();
    while (groups.find()) {
      String value;
      try {
        value = m.group(groups.group(1));
      } catch (IllegalArgumentException noSuchGroup) {
        value = null;
      }
      groups.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
    }
    groups.appendTail(out);
    return out.toString();
  }

  /** Whether the image runs as a non-root user by default. */
  boolean runsAsNonRoot(ImageRef ref) {
    String name = Stages.canonicalName(ref);
    String tag = ref.tag() == null ? "latest" : ref.tag();
    return nonroot.stream().anyMatch(g -> g.matches(name, tag));
  }

  /** The steps_down row of the image: its entrypoint runs these commands as its own user. */
  Optional<ImageGlob> stepsDown(ImageRef ref) {
    return first(stepsDown, ref);
  }

  /** The root_master row of the image: a root master with unprivileged workers, and advice. */
  Optional<ImageGlob> rootMaster(ImageRef ref) {
    return first(rootMaster, ref);
  }

  private static Optional<ImageGlob> first(List<ImageGlob> rows, ImageRef ref) {
    String name = Stages.canonicalName(ref);
    String tag = ref.tag() == null ? "latest" : ref.tag();
    return rows.stream().filter(g -> g.matches(name, tag)).findFirst();
  }

  /** The probe tools ({@code curl}, {@code wget}) the image ships. */
  Set<String> probeTools(ImageRef ref) {
    String name = Stages.canonicalName(ref);
    String tag = ref.tag() == null ? "latest" : ref.tag();
    Set<String> tools = new LinkedHashSet<>();
    for (ImageGlob g : probeTools) {
      if (g.matches(name, tag)) {
        tools.addAll(g.tools());
      }
    }
    return tools;
  }

  private static List<ImageGlob> globs(Object raw) {
    List<ImageGlob> out = new ArrayList<>();
    for (Map<?, ?> m : maps(raw)) {
      String image = str(m.get("image"));
      if (image != null) {
        out.add(
            new ImageGlob(
                image,
                str(m.get("tag")),
                strings(m.get("except")),
                strings(m.get("except_tags")),
                strings(m.get("tools")),
                strings(m.get("commands")),
                str(m.get("advice"))));
      }
    }
    return List.copyOf(out);
  }

  private static List<Map<?, ?>> maps(Object raw) {
    List<Map<?, ?>> out = new ArrayList<>();
    if (raw instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m) {
          out.add(m);
        }
      }
    }
    return out;
  }

  private static List<String> strings(Object raw) {
    if (!(raw instanceof List<?> list)) {
      return List.of();
    }
    return list.stream().map(String::valueOf).toList();
  }

  private static String str(Object o) {
    return o == null ? null : String.valueOf(o);
  }
}
