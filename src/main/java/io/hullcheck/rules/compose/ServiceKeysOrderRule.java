package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
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
 * The keys of a service out of the team's order (option {@code order}, a list of key names; keys it
 * does not name are not compared). One finding per service, at the first key written after a key it
 * should precede. Style only, off by default; no fix, since moving YAML blocks would move their
 * comments and anchors too.
 */
@RuleInfo(
    id = "service-keys-order",
    title = "Service keys are out of order",
    severity = Severity.INFO,
    target = Target.COMPOSE,
    category = Category.STYLE,
    rationale =
        "Services whose keys come in one order are quicker to scan and compare in review: the"
            + " image, ports or volumes are where the reader expects them.",
    dclint = "service-keys-order",
    enabledByDefault = false)
public final class ServiceKeysOrderRule implements ComposeRule {
  static final List<String> DEFAULT_ORDER =
      List.of(
          "image",
          "build",
          "pull_policy",
          "container_name",
          "hostname",
          "profiles",
          "depends_on",
          "command",
          "entrypoint",
          "working_dir",
          "user",
          "environment",
          "env_file",
          "secrets",
          "configs",
          "ports",
          "expose",
          "networks",
          "network_mode",
          "volumes",
          "tmpfs",
          "healthcheck",
          "restart",
          "deploy",
          "logging",
          "labels");

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    List<String> order = context.options().getStringList("order", DEFAULT_ORDER);
    List<Finding> findings = new ArrayList<>();
    for (Service s : compose.services()) {
      KeyOrder.first(s.body(), order::indexOf)
          .ifPresent(
              m ->
                  findings.add(
                      finding(
                          compose.source(),
                          m.key().key().span(),
                          "In service "
                              + s.name()
                              + ", "
                              + m.key().name()
                              + " comes after "
                              + m.after().name()
                              + "; the key order puts it before")));
    }
    return findings;
  }
}
