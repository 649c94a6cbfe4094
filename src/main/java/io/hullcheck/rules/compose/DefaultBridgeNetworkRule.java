package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.List;
import java.util.Locale;

/**
 * A service with {@code network_mode: bridge}, which puts it on the engine's default bridge ({@code
 * docker0}) instead of the project's own network. A service without any network settings is not
 * reported: Compose gives every project a network of its own. The fix removes the key, where it is
 * written, so the service joins the project's network.
 */
@RuleInfo(
    id = "default-bridge-network",
    title = "Service uses the engine's default bridge network",
    severity = Severity.INFO,
    target = Target.COMPOSE,
    category = Category.HOST_NAMESPACE,
    fixable = true,
    rationale =
        "On the default bridge every container of the host can reach the service, whatever"
            + " project started it, and services cannot find each other by name; a project"
            + " network is isolated and has DNS.",
    cis = "5.30")
public final class DefaultBridgeNetworkRule implements ComposeRule {

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    return RemovableKey.find(
        this,
        compose,
        context,
        "network_mode",
        v -> v.value() != null && v.value().strip().toLowerCase(Locale.ROOT).equals("bridge"),
        v ->
            "network_mode: bridge puts the service on the engine's default bridge, reachable by"
                + " every container on the host; remove it so the service joins the project's"
                + " network, or declare networks (internal: true for back ends)",
        "Remove network_mode: bridge");
  }
}
