package io.hullcheck.compose;

import io.hullcheck.model.Span;
import java.util.List;
import java.util.Optional;

/**
 * One service with typed views over the parts rules read most; everything else is in {@link
 * #body()}. Typed views are built by {@link ComposeLoader} and are never null (absent parts are
 * empty lists or nulls as documented).
 *
 * @param entry the {@code name:} entry under {@code services}; its key span is where service-level
 *     findings point
 * @param healthcheck the {@code healthcheck} block, or null when absent
 * @param logging the {@code logging} block, or null when absent
 * @param build the {@code build} key (string or object), or null when absent
 */
public record Service(
    String name,
    YEntry entry,
    YMap body,
    List<PortMapping> ports,
    List<VolumeMount> volumes,
    List<EnvVar> environment,
    Healthcheck healthcheck,
    ResourceLimits limits,
    Logging logging,
    Build build) {

  /** Where findings about the service as a whole point: its name. */
  public Span nameSpan() {
    return entry.key().span();
  }

  public Optional<YScalar> scalar(String key) {
    return body.scalar(key);
  }

  /**
   * A port as published.
   *
   * @param hostIp the host address, null when none is given
   * @param hostIpKnown false when the address is interpolated from a variable without a default
   * @param published the host port or range, null when none
   * @param target the container port or range
   * @param protocol {@code tcp} unless written otherwise
   */
  public record PortMapping(
      YNode node,
      boolean longSyntax,
      String hostIp,
      boolean hostIpKnown,
      String published,
      boolean publishedKnown,
      String target,
      String protocol) {}

  /**
   * A volume or mount.
   *
   * @param type {@code bind}, {@code volume}, {@code tmpfs}, {@code npipe}, {@code image} or {@code
   *     cluster}
   * @param source host path or volume name, null for anonymous volumes or unknown values
   */
  public record VolumeMount(
      YNode node,
      boolean longSyntax,
      String type,
      String source,
      String target,
      boolean readOnly) {}

  /**
   * An environment variable or build arg, from list ({@code - K=v}) or map ({@code K: v}) form.
   *
   * @param value interpolated value; null when absent (bare {@code K}) or unknown
   * @param rawValue the value as written, null when absent
   * @param node the list item, or in map form the value node
   * @param valueSpan where the value is written, null when absent: in list form just the text after
   *     {@code =} (inside the item's quotes), in map form the whole value scalar including its
   *     quotes
   * @param nameSpan where the name is written
   */
  public record EnvVar(
      String name,
      YNode node,
      String value,
      String rawValue,
      Span valueSpan,
      boolean listForm,
      Span nameSpan) {}

  /**
   * The healthcheck block.
   *
   * @param disabled {@code disable: true} or {@code test: ["NONE"]}
   * @param test the test command words, empty when absent
   */
  public record Healthcheck(YMap node, boolean disabled, List<String> test) {}

  /**
   * Limits from either {@code deploy.resources.limits} or {@code mem_limit}/{@code cpus}/{@code
   * pids_limit}; each is the node where the limit is written (possibly through an anchor), or null.
   */
  public record ResourceLimits(YNode memory, YNode cpus, YNode pids) {}

  /** The logging block. {@code driver} is null when not set (the daemon default applies). */
  public record Logging(YMap node, String driver, YMap options) {}

  /**
   * The build key.
   *
   * @param context the context path, {@code .} when not given
   * @param dockerfile the Dockerfile path relative to the context, {@code Dockerfile} when not
   *     given; null when {@code dockerfile_inline} is used or the path is unknown
   * @param node the scalar of the short form or the mapping of the long form
   * @param context null when it depends on an unknown variable
   * @param secrets the secret names the build uses, short or long syntax
   */
  public record Build(
      YNode node, String context, String dockerfile, List<EnvVar> args, List<String> secrets) {

    /** The {@code dockerfile_inline} text, when the Dockerfile is written in the compose file. */
    public Optional<YScalar> dockerfileInline() {
      return node instanceof YMap m ? m.scalar("dockerfile_inline") : Optional.empty();
    }
  }
}
