package io.hullcheck.policy;

import java.util.List;
import java.util.Map;

/**
 * One policy file (a user's file or a built-in pack) as parsed and validated, before packs are
 * merged. Nullable fields are those the file does not set.
 *
 * @param source the file as the user knows it, e.g. {@code .github/hullcheck.yml} or {@code
 *     policies/strict.yml}
 * @param extendsPacks the packs named by {@code extends}, or null when the key is absent
 * @param main the file's own {@code rules}, {@code categories} and {@code trusted_registries}
 * @param overrides the {@code overrides} entries in order
 * @param hadolintConfig the {@code hadolint.config} value, or null
 * @param hadolintConfigAt where {@code hadolint.config} is written, for errors about it
 */
record PolicyFile(
    String source,
    List<String> extendsPacks,
    Layer main,
    List<Layer> overrides,
    List<Glob> include,
    List<Glob> exclude,
    String failOn,
    Integer maxComments,
    Boolean suggestions,
    String event,
    Boolean onlyNew,
    String drafts,
    Boolean requireReason,
    String hadolintConfig,
    PolicyError hadolintConfigAt) {

  /**
   * Settings for rules: a policy file's main section, or one override.
   *
   * @param name how {@code config --print} names this layer, e.g. {@code .hullcheck.yml} or {@code
   *     .hullcheck.yml overrides[1] (files: services/**)}
   * @param files for an override, the globs a file must match; null for a main section
   * @param trustedRegistries the {@code trusted_registries} list, or null when absent
   */
  record Layer(
      String name,
      List<Glob> files,
      Map<String, Setting> categories,
      Map<String, RuleEntry> rules,
      List<String> trustedRegistries,
      String trustedAt) {

    boolean appliesTo(String path) {
      return files == null || files.stream().anyMatch(g -> g.matches(path));
    }
  }

  /** A level for a category, and where it is written ({@code file:line:col}). */
  record Setting(Level level, String at) {}

  /**
   * A rule's entry: a level (null when only options are given) and options (null when none).
   *
   * @param at where it is written, {@code file:line:col}
   */
  record RuleEntry(Level level, Map<String, Object> options, String at) {}
}
