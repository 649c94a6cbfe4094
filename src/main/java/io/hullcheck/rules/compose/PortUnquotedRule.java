package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.Service.PortMapping;
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
import java.util.regex.Pattern;

/**
 * An unquoted short-syntax port that a YAML 1.1 reader takes for a base-60 number: {@code 22:22}
 * reads as 1342, while {@code 8080:80} (80 is not a base-60 digit) stays a string. Option {@code
 * all_unquoted} reports every unquoted short-syntax port instead, as a house style. The fix wraps
 * the port in double quotes.
 */
@RuleInfo(
    id = "port-unquoted",
    title = "Port mapping is not quoted",
    severity = Severity.INFO,
    target = Target.COMPOSE,
    category = Category.STYLE,
    fixable = true,
    rationale =
        "YAML 1.1 readers, such as PyYAML behind docker-compose v1 and many other tools, read an"
            + " unquoted 22:22 as the base-60 number 1342, so the port means something else to"
            + " them than to Compose.",
    dclint = "require-quotes-in-ports")
public final class PortUnquotedRule implements ComposeRule {
  /** YAML 1.1's sexagesimal integer and float. */
  private static final Pattern BASE_60 =
      Pattern.compile("[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?");

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    if (compose.root() == null) {
      return List.of();
    }
    boolean all = context.options().getBoolean("all_unquoted", false);
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    ValueFindings found = new ValueFindings(this, compose, context);
    for (Service s : compose.services()) {
      for (PortMapping p : s.ports()) {
        if (!(p.node() instanceof YScalar v) || v.quoted() || edits.quoteOf(v) != 0) {
          continue;
        }
        boolean trap = BASE_60.matcher(v.raw()).matches();
        if (!trap && !all) {
          continue;
        }
        found.add(
            s,
            "ports",
            edits.tight(v),
            trap
                ? "The port "
                    + v.raw()
                    + " is unquoted, and YAML 1.1 readers take it for a base-60 number; quote it"
                    + " (\""
                    + v.raw()
                    + "\")"
                : "The port " + v.raw() + " is unquoted; quote it (\"" + v.raw() + "\")",
            () -> fix(edits, v));
      }
    }
    return found.findings();
  }

  private static Fix fix(YamlEdits edits, YScalar v) {
    TextEdit edit = edits.replaceScalar(v, v.raw(), /* forceQuotes= */ true);
    return edit == null ? null : Fix.of("Quote the port", edit);
  }
}
