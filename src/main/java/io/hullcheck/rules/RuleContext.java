package io.hullcheck.rules;

import io.hullcheck.compose.ComposeSources;
import java.util.Optional;

/**
 * What a rule may read besides the model: its options from the policy, the shipped data tables,
 * when the caller knows them the file's build context and the repository around it, the answers of
 * an image registry ({@link ImageRegistry#OFFLINE} unless the engine was given a client), the other
 * files of the checked file's project, and whether the caller wants fixes. Rules that need a
 * context or repository view find nothing without one. Immutable.
 *
 * @param fixes false when the caller keeps findings only (the base side of a pull request, or the
 *     engine re-checking a fixed text to verify a fix): a rule may then leave its fixes out rather
 *     than build edits nobody reads. Rules that ignore it stay correct; the engine drops the fixes.
 * @param files reads other files by their reported path (the Dockerfile a compose service builds,
 *     say): the checked files first, then what the caller can read (files on disk for the command
 *     line, fetched blobs for the App). Empty for a path it does not have, which a rule must treat
 *     as unknown, never as absent
 */
public record RuleContext(
    Options options,
    RuleData data,
    Optional<BuildContext> buildContext,
    Optional<RepositoryView> repository,
    ImageRegistry registry,
    boolean fixes,
    ComposeSources files) {

  public RuleContext {
    registry = registry == null ? ImageRegistry.OFFLINE : registry;
    files = files == null ? ComposeSources.none() : files;
  }

  /** A context without build context, repository or registry, for a caller that wants fixes. */
  public RuleContext(Options options, RuleData data) {
    this(
        options,
        data,
        Optional.empty(),
        Optional.empty(),
        ImageRegistry.OFFLINE,
        true,
        ComposeSources.none());
  }

  public static RuleContext defaults() {
    return new RuleContext(Options.empty(), RuleData.empty());
  }

  public RuleContext withOptions(Options o) {
    return new RuleContext(o, data, buildContext, repository, registry, fixes, files);
  }
}
