package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.YEntry;
import io.hullcheck.compose.YMap;
import io.hullcheck.compose.YNode;
import io.hullcheck.compose.YScalar;
import io.hullcheck.model.Span;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.TextEdit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads and adds resource limits for the memory, CPU and PIDs rules. A limit counts when it is
 * written in either style, {@code deploy.resources.limits} or the service-level {@code
 * mem_limit}/{@code cpus}/{@code pids_limit}, including through an anchor; an unknown
 * (interpolated) value counts as set, and {@code 0} or {@code -1} (no limit, to the engine) does
 * not.
 */
final class ResourceLimitFix {
  /** The service-level key for each {@code deploy.resources.limits} key. */
  private static final Map<String, String> LEGACY_KEYS =
      Map.of("memory", "mem_limit", "cpus", "cpus", "pids", "pids_limit");

  /** Values the engine reads as no limit; an unknown (null) value counts as set. */
  static final Set<String> UNLIMITED = Set.of("0", "-1", "");

  private ResourceLimitFix() {}

  /**
   * One finding per service whose limit (picked by {@code limit}) is not set, at the service name,
   * each with the fix that writes {@code key: value}, raised to the service's reservation when that
   * is larger (see {@link LimitValue}); {@code message} words it for the service and the advice
   * ({@code e.g. 512M}, {@code at least its memory reservation 2G}).
   */
  static List<Finding> missing(
      ComposeRule rule,
      ComposeFile compose,
      RuleContext context,
      Function<Service.ResourceLimits, YNode> limit,
      String key,
      String value,
      BiFunction<Service, String, String> message) {
    if (compose.root() == null) {
      return List.of();
    }
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    String unit = edits.unit(compose.root().map("services").orElse(null));
    List<Finding> out = new ArrayList<>();
    for (Service s : compose.services()) {
      if (s.limits() != null && isSet(limit.apply(s.limits()))) {
        continue;
      }
      LimitValue.Choice choice = LimitValue.choose(s, getting(compose.services(), s), key, value);
      Fix fix =
          context.fixes() && choice.value() != null
              ? add(compose, edits, unit, s, key, choice.value())
              : null;
      out.add(rule.finding(compose.source(), s.nameSpan(), message.apply(s, choice.advice()), fix));
    }
    return out;
  }

  /**
   * The services that get the limit the fix for {@code s} writes: {@code s} and every other service
   * that sees the map {@link #add} writes into, whether it merges that block through an anchor or
   * the block is written in {@code s} and aliased by others. Identity is by span: the loader copies
   * merged entries but keeps their nodes, so one written block has one span.
   */
  private static List<Service> getting(List<Service> services, Service s) {
    YMap block = block(s);
    Span written = legacyStyle(s) || block == null ? s.body().span() : block.span();
    return Stream.concat(
            Stream.of(s),
            services.stream()
                .filter(t -> t != s)
                .filter(
                    t ->
                        t.body().span().equals(written)
                            || (block(t) != null && block(t).span().equals(written))))
        .toList();
  }

  /** The deepest of {@code deploy.resources.limits} that exists, or null. */
  private static YMap block(Service s) {
    YMap deploy = s.body().map("deploy").orElse(null);
    YMap resources = deploy == null ? null : deploy.map("resources").orElse(null);
    YMap limits = resources == null ? null : resources.map("limits").orElse(null);
    return limits != null ? limits : resources != null ? resources : deploy;
  }

  /** Whether the service sets limits only with the service-level keys. */
  private static boolean legacyStyle(Service s) {
    boolean hasDeployLimits =
        s.body()
            .map("deploy")
            .flatMap(d -> d.map("resources"))
            .flatMap(r -> r.map("limits"))
            .isPresent();
    return !hasDeployLimits
        && LEGACY_KEYS.values().stream().anyMatch(k -> s.body().entry(k).isPresent());
  }

  static boolean isSet(YNode limit) {
    if (limit == null) {
      return false;
    }
    if (limit instanceof YScalar s) {
      return !s.isNull() && (s.value() == null || !UNLIMITED.contains(s.value()));
    }
    return true;
  }

  /**
   * Adds one limit in the style the service already uses: next to an existing {@code
   * mem_limit}/{@code cpus} when the service has service-level limits and no {@code deploy} limits,
   * else into {@code deploy.resources.limits}, creating only the levels that are missing (existing
   * {@code deploy} or {@code resources} blocks are extended, never replaced, even when they come
   * from an anchor, since a key written in the service would hide the whole merged block).
   *
   * @param key {@code memory}, {@code cpus} or {@code pids} (written as a plain number)
   * @return the fix, or null when the service's shape gives no safe place to write it
   */
  static Fix add(
      ComposeFile compose, YamlEdits edits, String unit, Service s, String key, String value) {
    YMap body = s.body();
    boolean bodyWritten = body.span().startOffset() >= s.entry().key().span().endOffset();
    String legacyKey = LEGACY_KEYS.get(key);
    YMap deploy = body.map("deploy").orElse(null);
    YMap resources = deploy == null ? null : deploy.map("resources").orElse(null);
    YMap limits = resources == null ? null : resources.map("limits").orElse(null);
    boolean legacyStyle = legacyStyle(s);
    boolean count = key.equals("pids") && value.matches("[1-9][0-9]*");
    String scalar = YamlEdits.quote(value, !count && YamlEdits.needsQuotes(value, true) ? '"' : 0);
    TextEdit edit;
    String where = "deploy.resources.limits." + key + ": " + scalar;
    YMap target = block(s);
    String shared =
        !legacyStyle && target != null && !ValueFindings.writtenIn(compose, s, target.span())
            ? " to the shared block at "
                + compose.where(target.span(), s.nameSpan())
                + ", which every service merging it gets"
            : "";
    if (legacyStyle) {
      if (!bodyWritten) {
        return null;
      }
      edit = put(edits, unit, body, legacyKey, scalar, value);
      where = legacyKey + ": " + scalar;
    } else if (limits != null) {
      edit = put(edits, unit, limits, key, scalar, value);
    } else if (resources != null) {
      edit = put(edits, unit, resources, "limits", nest(key, scalar), value);
    } else if (deploy != null) {
      edit = put(edits, unit, deploy, "resources", nest("limits", nest(key, scalar)), value);
    } else if (bodyWritten) {
      Object block = nest("resources", nest("limits", nest(key, scalar)));
      edit = put(edits, unit, body, "deploy", block, value);
    } else {
      return null;
    }
    return edit == null ? null : Fix.of("Add " + where + shared, edit);
  }

  /**
   * Writes {@code key} into {@code map}: a new entry, or, when the key is there with a value that
   * sets no limit ({@code 0}, null), that scalar replaced; null when the key holds anything else.
   */
  private static TextEdit put(
      YamlEdits edits, String unit, YMap map, String key, Object rendered, String value) {
    YEntry existing = map.entry(key).orElse(null);
    if (existing == null) {
      return edits.insertEntry(map, key, rendered, unit);
    }
    if (rendered instanceof String && existing.value() instanceof YScalar s && !isSet(s)) {
      if (rendered.equals(value) && edits.quoteOf(s) == 0) {
        return TextEdit.replace(edits.tight(s), value);
      }
      return edits.replaceScalar(s, value, YamlEdits.needsQuotes(value, true));
    }
    return null;
  }

  private static Map<String, Object> nest(String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(key, value);
    return m;
  }
}
