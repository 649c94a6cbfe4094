package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.YMap;
import io.hullcheck.compose.YNode;
import io.hullcheck.compose.YScalar;
import io.hullcheck.compose.YSeq;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.List;

/**
 * A host device passed into a container with write or mknod permission: a {@code devices} item
 * {@code /dev/x[:/dev/y[:perms]]} (or its long form) whose permissions are not read-only. The
 * default is {@code rwm}. CDI names ({@code vendor.com/class=name}) and unknown values are exempt.
 * No fix: whether the service can work with a read-only device is the team's knowledge.
 */
@RuleInfo(
    id = "host-device",
    title = "Host device is passed through writable",
    severity = Severity.WARNING,
    target = Target.COMPOSE,
    category = Category.PRIVILEGES,
    rationale =
        "A device node gives the container direct access to host hardware, below the kernel's"
            + " file permissions: a writable disk, memory or input device lets it read or change"
            + " what the host and other containers hold.",
    cis = "5.18")
public final class HostDeviceRule implements ComposeRule {

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    if (compose.root() == null) {
      return List.of();
    }
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    ValueFindings found = new ValueFindings(this, compose, context);
    for (Service s : compose.services()) {
      YSeq devices = s.body().seq("devices").orElse(null);
      if (devices == null) {
        continue;
      }
      for (YNode item : devices.items()) {
        String[] device = device(item);
        if (device == null || !device[0].startsWith("/") || !writable(device[1])) {
          continue;
        }
        found.add(
            s,
            "devices",
            edits.tight(item),
            "The host device "
                + device[0]
                + " is passed in with permissions "
                + device[1]
                + ", so the container can change it directly; pass only the devices the service"
                + " needs, read-only (\""
                + device[0]
                + ":"
                + device[0]
                + ":r\") where it only reads",
            null);
      }
    }
    return found.findings();
  }

  /** The host path and permissions of an item, or null when unknown or not a device path. */
  private static String[] device(YNode item) {
    if (item instanceof YScalar v) {
      if (v.value() == null || v.value().contains("=")) {
        return null;
      }
      String[] parts = v.value().split(":", -1);
      return new String[] {parts[0], parts.length == 3 ? parts[2] : "rwm"};
    }
    if (item instanceof YMap m) {
      String source = m.scalar("source").map(YScalar::value).orElse(null);
      YScalar perms = m.scalar("permissions").orElse(null);
      if (source == null || (perms != null && perms.value() == null)) {
        return null;
      }
      return new String[] {source, perms == null ? "rwm" : perms.value()};
    }
    return null;
  }

  private static boolean writable(String permissions) {
    return permissions.contains("w") || permissions.contains("m");
  }
}
