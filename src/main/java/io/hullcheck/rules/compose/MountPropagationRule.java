package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.Service.VolumeMount;
import io.hullcheck.compose.YEntry;
import io.hullcheck.compose.YMap;
import io.hullcheck.compose.YScalar;
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
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A bind mount with shared or slave propagation: in the short syntax's option list ({@code
 * ./data:/data:ro,rshared}) or the long syntax's {@code bind.propagation}. Options that come from a
 * variable are unknown and exempt. The fix removes the propagation option, leaving the default
 * ({@code rprivate}).
 */
@RuleInfo(
    id = "mount-propagation-shared",
    title = "Bind mount shares mount events with the host",
    severity = Severity.WARNING,
    target = Target.COMPOSE,
    category = Category.HOST_NAMESPACE,
    fixable = true,
    rationale =
        "With shared or slave propagation, mounts made on the host appear in the container, and"
            + " with shared ones mounts made in the container appear on the host, so the mount"
            + " namespace no longer keeps the two apart.",
    kics = "volume_mounted_in_multiple_containers",
    cis = "5.20")
public final class MountPropagationRule implements ComposeRule {
  private static final Set<String> SHARED = Set.of("shared", "slave", "rshared", "rslave");

  /** A short-syntax option list: letters separated by commas, no variable, no path. */
  private static final Pattern OPTIONS = Pattern.compile("[A-Za-z]+(,[A-Za-z]+)*");

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    if (compose.root() == null) {
      return List.of();
    }
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    ValueFindings found = new ValueFindings(this, compose, context);
    for (Service s : compose.services()) {
      for (VolumeMount v : s.volumes()) {
        if (v.node() instanceof YScalar item) {
          checkShort(edits, found, s, item);
        } else if (v.node() instanceof YMap m) {
          checkLong(edits, found, s, m);
        }
      }
    }
    return found.findings();
  }

  private void checkShort(YamlEdits edits, ValueFindings found, Service s, YScalar item) {
    String raw = item.raw();
    List<int[]> parts = PortBinding.splitRaw(raw);
    int[] last = parts.get(parts.size() - 1);
    String options = raw.substring(last[0]);
    if (parts.size() < 3 || !OPTIONS.matcher(options).matches()) {
      return;
    }
    List<String> kept = new ArrayList<>();
    String mode = null;
    for (String option : options.split(",", -1)) {
      if (SHARED.contains(option)) {
        mode = option;
      } else {
        kept.add(option);
      }
    }
    if (mode == null) {
      return;
    }
    String shared = mode;
    String rewritten =
        raw.substring(0, kept.isEmpty() ? last[0] - 1 : last[0]) + String.join(",", kept);
    found.add(
        s,
        "volumes",
        edits.tight(item),
        message(shared, raw.substring(0, last[0] - 1)),
        () -> fix(shared, edits.replaceScalar(item, rewritten, false)));
  }

  private void checkLong(YamlEdits edits, ValueFindings found, Service s, YMap mount) {
    YEntry bindEntry = mount.entry("bind").orElse(null);
    if (bindEntry == null || !(bindEntry.value() instanceof YMap bind)) {
      return;
    }
    YEntry e = bind.entry("propagation").orElse(null);
    if (e == null
        || !(e.value() instanceof YScalar v)
        || v.value() == null
        || !SHARED.contains(v.value())) {
      return;
    }
    String where = mount.scalar("target").map(YScalar::raw).orElse("");
    YEntry delete = bind.entries().size() == 1 ? bindEntry : e;
    found.add(
        s,
        "volumes",
        edits.written(e),
        message(v.value(), where),
        () -> fix(v.value(), edits.deleteEntry(delete)));
  }

  private static String message(String mode, String mount) {
    String direction =
        mode.endsWith("shared")
            ? "mounts made on the host appear in the container and mounts made in the container"
                + " appear on the host"
            : "mounts made on the host appear in the container";
    return "The bind mount "
        + mount
        + " uses "
        + mode
        + " propagation, so "
        + direction
        + "; remove "
        + mode
        + " (the default, rprivate, keeps them apart) unless the service manages host mounts";
  }

  private static Fix fix(String mode, TextEdit edit) {
    return edit == null ? null : Fix.of("Remove " + mode + " propagation", edit);
  }
}
