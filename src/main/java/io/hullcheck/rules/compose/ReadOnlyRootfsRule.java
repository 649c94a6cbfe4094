package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.YEntry;
import io.hullcheck.compose.YScalar;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * A service whose root filesystem is writable: no {@code read_only}, or {@code read_only} set to a
 * known value other than true. Reported at the {@code read_only} line when it is written, else at
 * the service name. Info and off by default: most images write to their own filesystem (caches, PID
 * files, temp files) and fail when it is read-only, so only a team that has checked its images can
 * ask for it. No fix for the same reason.
 */
@RuleInfo(
    id = "read-only-rootfs",
    title = "Service root filesystem is writable",
    severity = Severity.INFO,
    target = Target.COMPOSE,
    category = Category.PRIVILEGES,
    rationale =
        "A read-only root filesystem stops an attacker from changing the service's binaries and"
            + " configuration or dropping tools into it, and makes writes visible as declared"
            + " volumes and tmpfs mounts.",
    cis = "5.13",
    enabledByDefault = false)
public final class ReadOnlyRootfsRule implements ComposeRule {

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    if (compose.root() == null) {
      return List.of();
    }
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    ValueFindings written = new ValueFindings(this, compose, context);
    List<Finding> out = new ArrayList<>();
    for (Service s : compose.services()) {
      YEntry e = s.body().entry("read_only").orElse(null);
      if (e == null) {
        out.add(
            finding(
                compose.source(),
                s.nameSpan(),
                "Service "
                    + s.name()
                    + " has a writable root filesystem; if the image allows it, add read_only:"
                    + " true, with tmpfs: [/tmp] and volumes for the paths it writes"));
      } else if (e.value() instanceof YScalar v && v.value() != null && !v.isTrue()) {
        written.add(
            s,
            "read_only",
            edits.written(e),
            "read_only: "
                + v.value()
                + " leaves the root filesystem writable; set read_only: true if the image allows"
                + " it, with tmpfs: [/tmp] and volumes for the paths it writes",
            null);
      }
    }
    out.addAll(written.findings());
    return out;
  }
}
