package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.Service.VolumeMount;
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
import java.util.List;

/**
 * A short-syntax volume written in quotes that it does not need: without them YAML reads the same
 * string. Quotes that protect something (a {@code #}, a {@code : }, a leading indicator, flow
 * punctuation inside a flow sequence) are kept and not reported. Style, off by default. The fix
 * removes the quotes.
 */
@RuleInfo(
    id = "volume-quoted",
    title = "Volume is quoted without need",
    severity = Severity.INFO,
    target = Target.COMPOSE,
    category = Category.STYLE,
    fixable = true,
    rationale =
        "Quoting some volumes and not others makes a file harder to scan; plain volumes read the"
            + " same and keep one style.",
    dclint = "no-quotes-in-volumes",
    enabledByDefault = false)
public final class VolumeQuotedRule implements ComposeRule {

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    if (compose.root() == null) {
      return List.of();
    }
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    ValueFindings found = new ValueFindings(this, compose, context);
    for (Service s : compose.services()) {
      for (VolumeMount v : s.volumes()) {
        if (!(v.node() instanceof YScalar item)
            || edits.quoteOf(item) == 0
            || YamlEdits.needsQuotes(item.raw(), edits.inFlow(item))) {
          continue;
        }
        found.add(
            s,
            "volumes",
            edits.tight(item),
            "The volume " + item.raw() + " is quoted without need; write it without quotes",
            () -> fix(edits, item));
      }
    }
    return found.findings();
  }

  private static Fix fix(YamlEdits edits, YScalar item) {
    return Fix.of("Remove the quotes", TextEdit.replace(edits.tight(item), item.raw()));
  }
}
