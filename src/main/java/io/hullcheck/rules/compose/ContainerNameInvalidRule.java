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
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code container_name} the engine rejects: it must start with a letter or digit and go on with
 * at least one letter, digit, {@code _}, {@code .} or {@code -}. Names are checked after
 * interpolation; unknown names are exempt. No fix: scripts and other services may use the name.
 */
@RuleInfo(
    id = "container-name-invalid",
    title = "Container name is not valid",
    severity = Severity.WARNING,
    target = Target.COMPOSE,
    category = Category.CORRECTNESS,
    rationale =
        "The engine refuses to create a container whose name has other characters, so"
            + " docker compose up fails for the service.",
    dclint = "service-container-name-regex")
public final class ContainerNameInvalidRule implements ComposeRule {
  /** The engine's pattern for container names (a leading slash is accepted by the API). */
  private static final Pattern VALID = Pattern.compile("/?[a-zA-Z0-9][a-zA-Z0-9_.-]+");

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    if (compose.root() == null) {
      return List.of();
    }
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    ValueFindings found = new ValueFindings(this, compose, context);
    for (Service s : compose.services()) {
      YEntry e = s.body().entry("container_name").orElse(null);
      if (e == null
          || !(e.value() instanceof YScalar v)
          || v.value() == null
          || v.isNull()
          || VALID.matcher(v.value()).matches()) {
        continue;
      }
      found.add(
          s,
          "container_name",
          edits.written(e),
          "container_name \""
              + v.value()
              + "\" is not a valid container name, so compose up fails; use letters, digits,"
              + " _, . and -, starting with a letter or digit, at least two characters",
          null);
    }
    return found.findings();
  }
}
