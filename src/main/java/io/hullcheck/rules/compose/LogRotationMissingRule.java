package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.Service.Logging;
import io.hullcheck.compose.YEntry;
import io.hullcheck.compose.YMap;
import io.hullcheck.compose.YScalar;
import io.hullcheck.model.Span;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.TextEdit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A file-based logging driver set without size rotation: no {@code max-size} option, or {@code
 * max-size: -1}. Option {@code drivers} (default {@code [json-file]}) lists the drivers that need
 * it; {@code local} is not in it by default because it rotates on its own (20m x 5 files). Option
 * {@code require_logging} (default false) also reports services with no logging driver set, which
 * use the daemon's default (json-file without rotation unless {@code daemon.json} says otherwise).
 * The fix adds {@code max-size} (option {@code max_size}, default {@code 10m}) and {@code max-file}
 * (option {@code max_file}, default {@code 3}) in block style.
 */
@RuleInfo(
    id = "log-rotation-missing",
    title = "Service logs are not rotated",
    severity = Severity.WARNING,
    target = Target.COMPOSE,
    category = Category.LOGGING,
    fixable = true,
    rationale =
        "The json-file driver keeps every line a container writes in one file that grows without"
            + " bound, until the host's disk is full and every service on it fails.",
    cis = "2.13")
public final class LogRotationMissingRule implements ComposeRule {
  static final List<String> DEFAULT_DRIVERS = List.of("json-file");

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    if (compose.root() == null) {
      return List.of();
    }
    List<String> drivers =
        context.options().getStringList("drivers", DEFAULT_DRIVERS).stream()
            .map(d -> d.toLowerCase(Locale.ROOT))
            .toList();
    boolean requireLogging = context.options().getBoolean("require_logging", false);
    Map<String, Object> rotation = new LinkedHashMap<>();
    rotation.put("max-size", context.options().getString("max_size", "10m"));
    rotation.put("max-file", context.options().getString("max_file", "3"));
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    String unit = edits.unit(compose.root().map("services").orElse(null));
    ValueFindings found = new ValueFindings(this, compose, context);
    List<Finding> out = new ArrayList<>();
    for (Service s : compose.services()) {
      Logging logging = s.logging();
      if (logging == null || logging.driver() == null) {
        if (requireLogging && !hasMaxSize(logging)) {
          out.add(
              finding(
                  compose.source(),
                  s.nameSpan(),
                  "Service "
                      + s.name()
                      + " sets no logging driver, so it gets the daemon's default (json-file"
                      + " without rotation unless daemon.json sets one); set logging with driver"
                      + " json-file (or local) and options max-size and max-file",
                  addLogging(edits, unit, s, rotation)));
        }
        continue;
      }
      if (!drivers.contains(logging.driver().toLowerCase(Locale.ROOT)) || hasMaxSize(logging)) {
        continue;
      }
      YEntry driver = logging.node().entry("driver").orElse(null);
      Span at = driver == null ? edits.tight(logging.node()) : edits.written(driver);
      found.add(
          s,
          "logging",
          at,
          "logging driver "
              + logging.driver()
              + " without max-size keeps every log line until the disk is full; add options"
              + " max-size (e.g. "
              + rotation.get("max-size")
              + ") and max-file (e.g. "
              + rotation.get("max-file")
              + ")",
          () -> addRotation(edits, unit, logging, rotation));
    }
    out.addAll(found.findings());
    return out;
  }

  /** Whether rotation by size is on: {@code max-size} set to something other than -1. */
  private static boolean hasMaxSize(Logging logging) {
    if (logging == null || logging.options() == null) {
      return false;
    }
    YScalar size = logging.options().scalar("max-size").orElse(null);
    return size != null && !size.isNull() && !"-1".equals(size.value());
  }

  private static Fix addRotation(
      YamlEdits edits, String unit, Logging logging, Map<String, Object> rotation) {
    YMap options = logging.options();
    TextEdit edit;
    if (options == null) {
      if (logging.node().entry("options").isPresent()) {
        return null;
      }
      edit = edits.insertEntry(logging.node(), "options", rendered(rotation), unit);
    } else {
      YScalar size = options.scalar("max-size").orElse(null);
      if (size != null) {
        edit = edits.replaceScalar(size, rotation.get("max-size").toString(), true);
      } else {
        Map<String, Object> missing = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : rendered(rotation).entrySet()) {
          if (options.entry(e.getKey()).isEmpty()) {
            missing.put(e.getKey(), e.getValue());
          }
        }
        edit = edits.insertEntries(options, missing, unit);
      }
    }
    return edit == null ? null : Fix.of("Rotate logs: max-size and max-file", edit);
  }

  private static Fix addLogging(
      YamlEdits edits, String unit, Service s, Map<String, Object> rotation) {
    if (s.logging() != null || s.body().span().startOffset() < s.entry().key().span().endOffset()) {
      return null;
    }
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("driver", "json-file");
    block.put("options", rendered(rotation));
    TextEdit edit = edits.insertEntry(s.body(), "logging", block, unit);
    return edit == null ? null : Fix.of("Add logging with json-file rotation", edit);
  }

  /** Option values as double-quoted YAML strings, as Docker wants them. */
  private static Map<String, Object> rendered(Map<String, Object> rotation) {
    Map<String, Object> out = new LinkedHashMap<>();
    rotation.forEach((k, v) -> out.put(k, YamlEdits.quote(v.toString(), '"')));
    return out;
  }
}
