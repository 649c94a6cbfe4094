package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.Service.Logging;
import io.hullcheck.compose.YEntry;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.List;

/**
 * {@code logging.driver: none}. No fix: the team may have switched logging off on purpose for a
 * noisy service, and which driver replaces it (local, json-file, a central collector) is theirs to
 * choose.
 */
@RuleInfo(
    id = "logging-disabled",
    title = "Service logging is switched off",
    severity = Severity.WARNING,
    target = Target.COMPOSE,
    category = Category.LOGGING,
    rationale =
        "With the none driver everything the service writes is thrown away, so there is nothing"
            + " to read when it fails or is attacked, and docker logs shows nothing.")
public final class LoggingDisabledRule implements ComposeRule {

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    ValueFindings found = new ValueFindings(this, compose, context);
    for (Service s : compose.services()) {
      Logging logging = s.logging();
      if (logging == null || !"none".equals(logging.driver())) {
        continue;
      }
      YEntry driver = logging.node().entry("driver").orElse(null);
      found.add(
          s,
          "logging",
          driver == null ? edits.tight(logging.node()) : edits.written(driver),
          "logging driver none throws away everything the service writes; use the local driver"
              + " (rotated by default) or json-file with max-size and max-file, or a central"
              + " collector",
          null);
    }
    return found.findings();
  }
}
