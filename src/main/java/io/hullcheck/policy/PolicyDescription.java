package io.hullcheck.policy;

import io.hullcheck.policy.PolicyFile.Layer;
import io.hullcheck.rules.RuleMeta;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The effective policy written out for people: where it came from, the merged settings, and for
 * every rule whether it is on, at what severity, with which options, and each step that decided it.
 * What {@code hullcheck config --print} shows.
 */
public final class PolicyDescription {
  private PolicyDescription() {}

  /**
   * @param policy a policy from {@link PolicyLoader}
   * @param path a file or directory relative to the repository root ({@code /}-separated), whose
   *     overrides apply; null to show the policy without overrides
   */
  public static String describe(Policy policy, String path, Collection<RuleMeta> catalogue) {
    StringBuilder sb = new StringBuilder();
    EffectivePolicy p = policy instanceof EffectivePolicy e ? e : null;
    sb.append("# Effective Hullcheck policy")
        .append(path == null ? "" : " for " + path)
        .append('\n');
    if (p != null) {
      sb.append("policy file: ")
          .append(p.source() == null ? "none (the built-in default pack applies)" : p.source())
          .append('\n');
      sb.append("packs: ").append(String.join(", ", p.packs())).append('\n');
      sb.append("hadolint config: ")
          .append(p.hadolintSource() == null ? "none" : p.hadolintSource())
          .append(
              p.hadolintIgnored().isEmpty()
                  ? ""
                  : " (ignored: "
                      + String.join(", ", p.hadolintIgnored().stream().sorted().toList())
                      + ")")
          .append('\n');
      sb.append("paths: include ")
          .append(p.include().isEmpty() ? "everything" : EffectivePolicy.globs(p.include()))
          .append("; exclude ")
          .append(p.exclude().isEmpty() ? "nothing" : EffectivePolicy.globs(p.exclude()))
          .append('\n');
    }
    if (path != null) {
      sb.append(path)
          .append(policy.includes(path) ? " is checked" : " is not checked (see paths)")
          .append('\n');
    }
    sb.append("fail_on: ").append(policy.failOn() == null ? "never" : policy.failOn().id());
    sb.append('\n');
    sb.append("require_reason: ").append(policy.requireReason()).append('\n');
    ReviewSettings r = policy.review();
    sb.append("review: max_comments=")
        .append(r.maxComments())
        .append(" suggestions=")
        .append(r.suggestions())
        .append(" event=")
        .append(r.event())
        .append(" only_new=")
        .append(r.onlyNew())
        .append(" drafts=")
        .append(r.drafts())
        .append('\n');
    if (p != null && !p.overrides().isEmpty()) {
      sb.append("overrides:\n");
      for (Layer o : p.overrides()) {
        sb.append("  ").append(o.name());
        if (path != null) {
          sb.append(o.appliesTo(path) ? ": applies" : ": does not apply");
        }
        sb.append('\n');
      }
    }
    sb.append("rules:\n");
    List<RuleMeta> rules = new ArrayList<>(catalogue);
    rules.sort(Comparator.comparing(RuleMeta::id));
    int width = rules.stream().mapToInt(m -> m.id().length()).max().orElse(0);
    for (RuleMeta m : rules) {
      RuleSetting s = policy.setting(path, m);
      String state = s.enabled() ? s.severity().id() : "off";
      sb.append("  ")
          .append(pad(m.id(), width))
          .append("  ")
          .append(pad(state, 7))
          .append("  ")
          .append(String.join("; ", policy.explain(path, m)));
      if (s.enabled() && !s.options().asMap().isEmpty()) {
        sb.append("; options: ")
            .append(
                s.options().asMap().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ")));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
