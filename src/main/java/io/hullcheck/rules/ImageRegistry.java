package io.hullcheck.rules;

import io.hullcheck.model.ImageRef;
import java.util.List;
import java.util.Optional;

/**
 * What rules may ask a container registry: the tags of a repository and the digest a tag points to.
 * The engine supplies one in the {@link RuleContext}; the default, {@link #OFFLINE}, knows nothing,
 * so rules then offer no suggestion that needs the registry and behave exactly as without one.
 *
 * <p>Why an interface the engine supplies rather than data it prefetches: which images a rule asks
 * about is only known inside the rule (a FROM resolved through ARG defaults and stage names, an
 * interpolated compose value, the slim tag the base-image table computes from a matched pattern).
 * Prefetching would repeat that reasoning in the engine and drift from it. Rules stay pure in what
 * they can observe: they see answers, never HTTP, time or errors. The online implementation ({@code
 * io.hullcheck.registry.RegistryClient}) lives outside the rules package, caches every answer (so
 * the re-check that verifies a fix sees the same answers as the check that proposed it) and turns
 * every failure into "unknown".
 *
 * <p>Implementations must be thread-safe: the engine checks files in parallel.
 */
public interface ImageRegistry {
  /** Knows nothing; the default. */
  ImageRegistry OFFLINE =
      new ImageRegistry() {
        @Override
        public boolean online() {
          return false;
        }

        @Override
        public Optional<List<String>> tags(ImageRef image) {
          return Optional.empty();
        }

        @Override
        public Optional<String> digest(ImageRef image, String tag) {
          return Optional.empty();
        }
      };

  /** Whether lookups are configured; rules that need the registry offer nothing when false. */
  boolean online();

  /**
   * The tags of the image's repository (its tag and digest are ignored), or empty when unknown:
   * offline, unreachable, refused, or no such repository.
   */
  Optional<List<String>> tags(ImageRef image);

  /**
   * The digest ({@code sha256:...}) that {@code image:tag} points to, of the multi-platform index
   * (OCI image index or Docker manifest list) when the registry has one, else of the single
   * manifest; empty when unknown or when the tag does not exist.
   */
  Optional<String> digest(ImageRef image, String tag);
}
