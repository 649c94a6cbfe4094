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

/**
 * {@code user:} set to root: {@code root}, {@code 0}, {@code 0:0}, {@code root:<group>}. A service
 * without {@code user:} runs as its image's USER, which the Dockerfile rule judges; unknown
 * (interpolated without default) values are exempt. No fix: which uid the image supports cannot be
 * known from the compose file.
 */
@RuleInfo(
    id = "compose-user-root",
    title = "Service runs as root",
    severity = Severity.WARNING,
    target = Target.COMPOSE,
    category = Category.USER,
    rationale =
        "A process running as root in a container is root on the host the moment it escapes,"
            + " and can write anywhere in the container's own filesystem.",
    cis = "4.1")
public final class ComposeUserRootRule implements ComposeRule {

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    ValueFindings found = new ValueFindings(this, compose, context);
    for (Service s : compose.services()) {
      YEntry e = s.body().entry("user").orElse(null);
      if (e == null || !(e.value() instanceof YScalar user) || !isRoot(user.value())) {
        continue;
      }
      found.add(
          s,
          "user",
          edits.tight(user),
          "user: "
              + user.value()
              + " runs the service as root; run it as an unprivileged user the image supports,"
              + " for example user: \"10001:10001\"",
          null);
    }
    return found.findings();
  }

  /** Whether a user spec names uid 0: {@code root}, {@code 0}, with any group. */
  static boolean isRoot(String spec) {
    if (spec == null) {
      return false;
    }
    String s = spec.strip();
    int colon = s.indexOf(':');
    String user = colon < 0 ? s : s.substring(0, colon);
    return user.equals("root") || user.equals("0");
  }
}
