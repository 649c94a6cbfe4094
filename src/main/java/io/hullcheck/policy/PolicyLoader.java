package io.hullcheck.policy;

import io.hullcheck.policy.PolicyFile.Layer;
import io.hullcheck.rules.Registry;
import io.hullcheck.rules.RuleMeta;
import io.hullcheck.rules.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds, reads and validates policy files; resolves built-in packs from {@code policies/} on the
 * classpath. Thread-safe.
 *
 * <p>A user's file without {@code extends} starts from the {@code default} pack; a pack without
 * {@code extends} starts from the catalogue's own defaults (each rule's {@code enabledByDefault} at
 * its default severity).
 */
public final class PolicyLoader {
  /** The built-in packs, in {@code policies/<name>.yml}. */
  public static final List<String> PACKS = List.of("default", "strict", "minimal");

  /** Where a repository's policy is looked up, first found wins. */
  public static final List<String> LOCATIONS = List.of(".github/hullcheck.yml", ".hullcheck.yml");

  /** Where a hadolint config is looked up when the policy does not name one. */
  public static final List<String> HADOLINT_LOCATIONS = List.of(".hadolint.yaml", ".hadolint.yml");

  private static final Map<String, Policy> BUILTIN = new ConcurrentHashMap<>();

  private PolicyLoader() {}

  /**
   * Reads other files of the repository the policy refers to (the hadolint config), by path
   * relative to the repository root; empty when the file does not exist. The App reads them from
   * the same base commit as the policy.
   */
  @FunctionalInterface
  public interface RepoFiles {
    Optional<String> read(String relativePath);

    static RepoFiles none() {
      return p -> Optional.empty();
    }

    /** Files under a directory on disk. */
    static RepoFiles under(Path root) {
      return p -> {
        Path f = root.resolve(p);
        if (!Files.isRegularFile(f)) {
          return Optional.empty();
        }
        try {
          return Optional.of(Files.readString(f));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      };
    }
  }

  /** A built-in pack by name: {@code default}, {@code strict} or {@code minimal}. */
  public static Policy builtin(String pack) {
    if (!PACKS.contains(pack)) {
      throw new IllegalArgumentException(
          "unknown pack `" + pack + "`; the packs are " + String.join(", ", PACKS));
    }
    return BUILTIN.computeIfAbsent(
        pack,
        name -> {
          PolicyResult r =
              resolve(null, List.of(name), Registry.catalogue(), RepoFiles.none(), null);
          if (!r.ok()) {
            throw new IllegalStateException("built-in pack " + name + " is broken: " + r.errors());
          }
          return r.policy();
        });
  }

  /**
   * The policy for a directory: {@code explicitConfig} when given, else {@code
   * .github/hullcheck.yml}, else {@code .hullcheck.yml} under {@code root}, else the built-in
   * {@code default} pack. A {@code .hadolint.yaml} at the root is honoured in every case.
   */
  public static PolicyResult load(Path root, Path explicitConfig) {
    RepoFiles files = RepoFiles.under(root);
    Path config = explicitConfig;
    String shown = explicitConfig == null ? null : explicitConfig.toString();
    if (config == null) {
      for (String location : LOCATIONS) {
        if (Files.isRegularFile(root.resolve(location))) {
          config = root.resolve(location);
          shown = location;
          break;
        }
      }
    }
    try {
      if (config == null) {
        return resolve(null, List.of("default"), Registry.catalogue(), files, /* source= */ null);
      }
      if (!Files.isRegularFile(config)) {
        return new PolicyResult(
            null, List.of(new PolicyError(shown, 1, 1, "policy file not found")), shown);
      }
      return parse(shown, Files.readString(config), files);
    } catch (IOException | UncheckedIOException e) {
      String where = shown == null ? root.toString() : shown;
      return new PolicyResult(
          null, List.of(new PolicyError(where, 1, 1, "cannot read: " + e.getMessage())), shown);
    }
  }

  /** A policy from text, as the App reads it from a base commit, with no other files. */
  public static PolicyResult parse(String path, String text) {
    return parse(path, text, RepoFiles.none());
  }

  /** A policy from text; {@code files} supplies the hadolint config the policy refers to. */
  public static PolicyResult parse(String path, String text, RepoFiles files) {
    return parse(path, text, files, Registry.catalogue());
  }

  /** As {@link #parse(String, String, RepoFiles)}, against a given catalogue (for tests). */
  static PolicyResult parse(
      String path, String text, RepoFiles files, Collection<RuleMeta> catalogue) {
    PolicyParser.Parsed parsed = PolicyParser.parse(path, text, catalogue);
    if (parsed.file() == null) {
      return new PolicyResult(null, parsed.errors(), path);
    }
    List<String> packs =
        parsed.file().extendsPacks() == null ? List.of("default") : parsed.file().extendsPacks();
    return resolve(parsed.file(), packs, catalogue, files, path);
  }

  /**
   * Merges {@code file} (null for none) over the packs it extends. {@code packs} is the file's
   * effective {@code extends}: for a user's file without the key, {@code default}.
   */
  private static PolicyResult resolve(
      PolicyFile file,
      List<String> packs,
      Collection<RuleMeta> catalogue,
      RepoFiles files,
      String source) {
    List<PolicyFile> chain = new ArrayList<>();
    Set<String> applied = new LinkedHashSet<>();
    for (String pack : packs) {
      expand(pack, chain, applied, new ArrayList<>());
    }
    if (file != null) {
      chain.add(file);
    }
    List<Layer> layers = new ArrayList<>();
    List<Glob> include = List.of();
    List<Glob> exclude = List.of();
    String failOn = "error";
    ReviewSettings d = ReviewSettings.defaults();
    int maxComments = d.maxComments();
    boolean suggestions = d.suggestions();
    String event = d.event();
    boolean onlyNew = d.onlyNew();
    String drafts = d.drafts();
    boolean requireReason = true;
    Hadolint.Result hadolint = Hadolint.read(file, files, catalogue);
    if (!hadolint.errors().isEmpty()) {
      return new PolicyResult(null, hadolint.errors(), source);
    }
    boolean failOnSet = false;
    for (PolicyFile f : chain) {
      if (f == file && hadolint.layer() != null) {
        // Below the team's own file, above the packs: hadolint decisions migrate, ours win.
        layers.add(hadolint.layer());
      }
      failOnSet |= f == file && f.failOn() != null;
      layers.add(f.main());
      layers.addAll(f.overrides());
      include = f.include() != null ? f.include() : include;
      exclude = f.exclude() != null ? f.exclude() : exclude;
      failOn = f.failOn() != null ? f.failOn() : failOn;
      maxComments = f.maxComments() != null ? f.maxComments() : maxComments;
      suggestions = f.suggestions() != null ? f.suggestions() : suggestions;
      event = f.event() != null ? f.event() : event;
      onlyNew = f.onlyNew() != null ? f.onlyNew() : onlyNew;
      drafts = f.drafts() != null ? f.drafts() : drafts;
      requireReason = f.requireReason() != null ? f.requireReason() : requireReason;
    }
    if (file == null && hadolint.layer() != null) {
      layers.add(hadolint.layer());
    }
    if (!failOnSet && hadolint.failOn() != null) {
      failOn = hadolint.failOn();
    }
    Policy policy =
        new EffectivePolicy(
            source,
            List.copyOf(applied),
            layers,
            include,
            exclude,
            failOn.equals("never") ? null : Severity.valueOf(failOn.toUpperCase(Locale.ROOT)),
            new ReviewSettings(maxComments, suggestions, event, onlyNew, drafts),
            DataTables.get(),
            requireReason,
            hadolint.ignored(),
            hadolint.source());
    return new PolicyResult(policy, List.of(), source);
  }

  private static void expand(
      String pack, List<PolicyFile> chain, Set<String> applied, List<String> stack) {
    if (stack.contains(pack)) {
      throw new IllegalStateException("built-in packs extend each other in a cycle: " + stack);
    }
    if (applied.contains(pack)) {
      // Each pack applies once, where it first appears: `extends: [strict, minimal]` must not
      // re-apply `default` (which both extend) after `strict`.
      return;
    }
    PolicyFile file = Packs.get(pack);
    stack.add(pack);
    for (String parent : file.extendsPacks() == null ? List.<String>of() : file.extendsPacks()) {
      expand(parent, chain, applied, stack);
    }
    stack.remove(stack.size() - 1);
    chain.add(file);
    applied.add(pack);
  }
}
