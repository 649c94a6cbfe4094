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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two services of one file with the same {@code container_name}, after interpolation; every service
 * after the first that uses the name is reported, naming the first. Unknown names are exempt. A
 * name merged in from an anchor is reported at the service (the anchor is not wrong, the sharing
 * is). No fix: which name to change is the team's choice.
 */
@RuleInfo(
    id = "duplicate-container-name",
    title = "Two services use the same container name",
    severity = Severity.WARNING,
    target = Target.COMPOSE,
    category = Category.CORRECTNESS,
    rationale =
        "Container names are unique on a host, so docker compose up fails for the second"
            + " service with a name conflict, and a service that sets container_name cannot be"
            + " scaled.",
    dclint = "no-duplicate-container-names")
public final class DuplicateContainerNameRule implements ComposeRule {

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    if (compose.root() == null) {
      return List.of();
    }
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    Map<String, Service> first = new HashMap<>();
    List<Finding> out = new ArrayList<>();
    for (Service s : compose.services()) {
      YEntry e = s.body().entry("container_name").orElse(null);
      if (e == null || !(e.value() instanceof YScalar v) || v.value() == null) {
        continue;
      }
      String name = v.value().strip();
      if (name.isEmpty()) {
        continue;
      }
      Service earlier = first.putIfAbsent(name, s);
      if (earlier == null) {
        continue;
      }
      boolean own = e.mergedVia() == null && ValueFindings.writtenIn(compose, s, e.value().span());
      out.add(
          finding(
              compose.source(),
              own ? edits.written(e) : s.nameSpan(),
              "Service "
                  + s.name()
                  + " uses container_name "
                  + name
                  + ", which service "
                  + earlier.name()
                  + " ("
                  + compose.where(earlier.nameSpan(), s.nameSpan())
                  + ") already uses, so compose up fails with a name conflict; give it another"
                  + " name or remove container_name"));
    }
    return out;
  }
}
