package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.Service.Healthcheck;
import io.hullcheck.compose.YEntry;
import io.hullcheck.compose.YMap;
import io.hullcheck.compose.YScalar;
import io.hullcheck.model.Span;
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
 * A service with no {@code healthcheck}, or with one that is switched off ({@code disable: true},
 * {@code test: ["NONE"]}). A healthcheck merged in through an anchor counts, and so does a
 * HEALTHCHECK in the stage the service builds when its Dockerfile can be read ({@link BuiltImage}).
 * A pulled image may define its own HEALTHCHECK, which cannot be known offline; a block with
 * options but no {@code test} tunes that inherited check and counts as present. The message
 * suggests a probe only for official images whose tools are known (see {@link HealthProbes}). No
 * fix: a probe that works depends on what is installed in the image and on what the service serves.
 */
@RuleInfo(
    id = "compose-healthcheck-missing",
    title = "Service has no healthcheck",
    severity = Severity.INFO,
    target = Target.COMPOSE,
    category = Category.HEALTHCHECK,
    rationale =
        "Without a healthcheck Compose and the engine only know whether the process is running,"
            + " not whether it serves: depends_on cannot wait for readiness and a hung service is"
            + " never restarted or reported.",
    kics = "healthcheck_not_set",
    cis = "5.27")
public final class ComposeHealthcheckMissingRule implements ComposeRule {

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    List<Finding> out = new ArrayList<>();
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    ValueFindings disabled = new ValueFindings(this, compose, context);
    for (Service s : compose.services()) {
      Healthcheck hc = s.healthcheck();
      if (hc == null
          && BuiltImage.stage(compose, s, context).map(BuiltImage::hasHealthcheck).orElse(false)) {
        // The image this service builds checks itself; the compose file need not repeat it.
        continue;
      }
      if (hc == null) {
        out.add(
            finding(
                compose.source(),
                s.nameSpan(),
                "Service "
                    + s.name()
                    + " has no healthcheck (unless its image defines one); add a healthcheck"
                    + " block with a test that probes the service, e.g. "
                    + HealthProbes.suggest(s.scalar("image").map(YScalar::value).orElse(null))
                    + ", plus interval, timeout and retries"));
      } else if (hc.disabled()) {
        disabled.add(
            s,
            "healthcheck",
            where(edits, hc.node()),
            "This healthcheck is switched off, so the image's own check is disabled too; remove"
                + " the disable/NONE setting and give it a test that probes the service",
            null);
      }
    }
    out.addAll(disabled.findings());
    return out;
  }

  /** The entry that switches the check off: {@code disable: true} or {@code test: [NONE]}. */
  private static Span where(YamlEdits edits, YMap hc) {
    YEntry disable = hc.entry("disable").orElse(null);
    if (disable != null && disable.value() instanceof YScalar v && v.isTrue()) {
      return edits.written(disable);
    }
    return hc.entry("test").map(edits::written).orElse(edits.tight(hc));
  }
}
