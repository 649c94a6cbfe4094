package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.YNode;
import io.hullcheck.compose.YScalar;
import io.hullcheck.compose.YSeq;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code cap_add} of {@code ALL} or of a capability that opens a path to the host. Names match with
 * or without the {@code CAP_} prefix, in any case. Option {@code capabilities} replaces the list.
 */
@RuleInfo(
    id = "capability-dangerous",
    title = "Service adds a dangerous Linux capability",
    severity = Severity.WARNING,
    target = Target.COMPOSE,
    category = Category.PRIVILEGES,
    rationale =
        "Capabilities such as SYS_ADMIN, SYS_MODULE or SYS_PTRACE are each enough to escape"
            + " a container or read other processes' memory; ALL grants every one of them.",
    kics = "container_capabilities_unrestricted",
    cis = "5.4")
public final class CapabilityDangerousRule implements ComposeRule {
  static final List<String> DEFAULT_CAPABILITIES =
      List.of("ALL", "SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE", "NET_ADMIN", "DAC_READ_SEARCH");

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    Set<String> dangerous =
        context.options().getStringList("capabilities", DEFAULT_CAPABILITIES).stream()
            .map(CapabilityDangerousRule::normalize)
            .collect(Collectors.toSet());
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    ValueFindings found = new ValueFindings(this, compose, context);
    for (Service s : compose.services()) {
      if (!(s.body().get("cap_add").orElse(null) instanceof YSeq caps)) {
        continue;
      }
      for (YNode item : caps.items()) {
        if (!(item instanceof YScalar cap) || cap.value() == null) {
          continue;
        }
        String name = normalize(cap.value());
        if (dangerous.contains(name)) {
          found.add(s, "cap_add", edits.tight(item), message(name), null);
        }
      }
    }
    return found.findings();
  }

  static String normalize(String cap) {
    String c = cap.strip().toUpperCase(Locale.ROOT);
    return c.startsWith("CAP_") ? c.substring(4) : c;
  }

  private static String message(String name) {
    if (name.equals("ALL")) {
      return "cap_add: ALL grants every Linux capability, which is nearly as much as"
          + " privileged: true; add only the capabilities the service needs (and cap_drop: [ALL])";
    }
    return "cap_add: "
        + name
        + " gives the container enough power over the host to escape it; remove it unless the"
        + " service cannot work without it, and then keep it to this one service";
  }
}
