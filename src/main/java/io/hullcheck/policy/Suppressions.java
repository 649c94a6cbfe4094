package io.hullcheck.policy;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.YEntry;
import io.hullcheck.compose.YMap;
import io.hullcheck.compose.YNode;
import io.hullcheck.compose.YSeq;
import io.hullcheck.dockerfile.Comment;
import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.model.SourceFile;
import io.hullcheck.model.Span;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Registry;
import io.hullcheck.rules.RuleMeta;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Suppression;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies suppressions written in a file (and in the policy) to that file's findings. Returns every
 * finding, suppressed ones marked, plus findings about the suppressions themselves (missing reason,
 * unused).
 *
 * <p>A pragma on the line(s) before an instruction covers findings that start inside that
 * instruction; in a compose file it covers the next YAML entry (a key and everything nested under
 * it, or a list item), or, written after an entry on the same line, that entry. Pragmas of other
 * tools are mapped to rules through each rule's {@code equivalents}; ids that no rule maps to are
 * left alone, since the other tool may still read them. A pragma without a reason still suppresses;
 * when {@code require_reason} is on it is reported ({@code suppression-without-reason}: at the
 * rule's severity for Hullcheck's own pragma, at info for the other tools', whose syntax often had
 * no room for one). Stateless and thread-safe.
 */
public final class Suppressions {
  static final String WITHOUT_REASON = "suppression-without-reason";
  static final String UNUSED = "unused-suppression";
  private static final Set<String> META = Set.of(WITHOUT_REASON, UNUSED);

  private Suppressions() {}

  public static List<Finding> apply(
      Dockerfile file, List<Finding> findings, Policy policy, Collection<RuleMeta> catalogue) {
    List<Placed> placed = new ArrayList<>();
    for (Comment c : file.comments()) {
      Pragma.parse(c)
          .ifPresent(p -> placed.add(new Placed(p, p.wholeFile() ? null : next(file, p))));
    }
    if (placed.isEmpty() && policy.hadolintIgnored().isEmpty()) {
      return new ArrayList<>(findings); // the Applier would suppress nothing and report nothing
    }
    return new Applier(file.source(), placed, policy, catalogue, /* dockerfile= */ true)
        .run(findings);
  }

  public static List<Finding> apply(
      ComposeFile file, List<Finding> findings, Policy policy, Collection<RuleMeta> catalogue) {
    List<Pragma> pragmas = new ArrayList<>();
    for (Comment c : file.comments()) {
      Pragma.parse(c).ifPresent(pragmas::add);
    }
    if (pragmas.isEmpty()) {
      // Without pragmas the Applier would suppress nothing (the policy's hadolint ids apply to
      // Dockerfiles only) and report nothing; most files have none, so skip walking the tree.
      return new ArrayList<>(findings);
    }
    List<Span> entries = new ArrayList<>();
    if (file.root() != null) {
      collect(file.root(), entries, Collections.newSetFromMap(new IdentityHashMap<>()));
    }
    List<Placed> placed = new ArrayList<>();
    for (Pragma p : pragmas) {
      placed.add(new Placed(p, p.wholeFile() ? null : next(entries, p)));
    }
    return new Applier(file.source(), placed, policy, catalogue, /* dockerfile= */ false)
        .run(findings);
  }

  /** A pragma and what it covers: null for the whole file or for nothing (see the pragma). */
  private record Placed(Pragma pragma, Span target) {
    boolean covers(Finding f) {
      if (pragma.wholeFile()) {
        return true;
      }
      return target != null
          && f.span() != null
          && f.span().startOffset() >= target.startOffset()
          && f.span().startOffset() < Math.max(target.endOffset(), target.startOffset() + 1);
    }
  }

  /** The first instruction that starts after the pragma's line, or null. */
  private static Span next(Dockerfile file, Pragma p) {
    int line = p.span().startLine();
    for (Instruction i : file.instructions()) {
      if (i.span().startLine() > line) {
        return i.span();
      }
    }
    return null;
  }

  /**
   * The YAML entry a pragma covers. A pragma after an entry on the same line ({@code privileged:
   * true # hullcheck ignore=...}) covers the entry written on that line; a pragma on a line of its
   * own covers the entry that starts first after it. Of entries starting on one line, the widest
   * wins (a list item {@code - name: x} rather than its first key).
   */
  private static Span next(List<Span> entries, Pragma p) {
    int line = p.span().startLine();
    boolean trailing = false;
    for (Span s : entries) {
      if (s.startLine() == line && s.startOffset() < p.span().startOffset()) {
        trailing = true;
        break;
      }
    }
    Span best = null;
    for (Span s : entries) {
      if (trailing
          ? s.startLine() != line || s.startOffset() >= p.span().startOffset()
          : s.startLine() <= line) {
        continue;
      }
      if (best == null
          || s.startLine() < best.startLine()
          || (s.startLine() == best.startLine() && s.length() > best.length())) {
        best = s;
      }
    }
    return best;
  }

  private static void collect(YNode node, List<Span> out, Set<YNode> seen) {
    if (!seen.add(node)) {
      return;
    }
    if (node instanceof YMap map) {
      for (YEntry e : map.entries()) {
        if (e.mergedVia() == null) {
          out.add(e.key().span().union(e.value().span()));
        }
        collect(e.value(), out, seen);
      }
    } else if (node instanceof YSeq seq) {
      for (YNode item : seq.items()) {
        out.add(item.span());
        collect(item, out, seen);
      }
    }
  }

  /**
   * The metadata of every rule Hullcheck has, by id, in registry order; read once (the registry is
   * fixed), in a holder so it is built on first use. Immutable, so safe to share between threads.
   */
  private static final class AllRules {
    static final Map<String, RuleMeta> BY_ID = byId();

    private static Map<String, RuleMeta> byId() {
      Map<String, RuleMeta> out = new LinkedHashMap<>();
      Registry.catalogue().forEach(m -> out.put(m.id(), m));
      return Collections.unmodifiableMap(out);
    }
  }

  /** One file's pass: matches findings to pragmas and reports the pragmas themselves. */
  private static final class Applier {
    private static final Pattern TRIVY_ID =
        Pattern.compile("(?:AVD-)?DS-?0*(\\d+)", Pattern.CASE_INSENSITIVE);

    private final SourceFile source;
    private final List<Placed> placed;
    private final Policy policy;
    private final Map<String, RuleMeta> rules = new LinkedHashMap<>();
    private final boolean dockerfile;

    /** Per pragma, per id: the rule ids it maps to (empty when none). */
    private final List<List<Set<String>>> targets = new ArrayList<>();

    private final List<boolean[]> used = new ArrayList<>();

    Applier(
        SourceFile source,
        List<Placed> placed,
        Policy policy,
        Collection<RuleMeta> catalogue,
        boolean dockerfile) {
      this.source = source;
      this.placed = placed;
      this.policy = policy;
      this.dockerfile = dockerfile;
      // Pragmas are judged against every rule Hullcheck has, not only those this engine runs, so a
      // partial run never calls a real rule id unknown.
      rules.putAll(AllRules.BY_ID);
      catalogue.forEach(m -> rules.put(m.id(), m));
      for (Placed p : placed) {
        List<Set<String>> perId = new ArrayList<>();
        for (String id : p.pragma().ids()) {
          perId.add(ruleIdsFor(p.pragma().source(), id));
        }
        targets.add(perId);
        used.add(new boolean[perId.size()]);
      }
    }

    List<Finding> run(List<Finding> findings) {
      List<Finding> out = new ArrayList<>(findings.size());
      for (Finding f : findings) {
        out.add(f.suppressed() ? f : suppress(f, /* meta= */ false));
      }
      for (Finding m : metaFindings()) {
        out.add(suppress(m, /* meta= */ true));
      }
      return out;
    }

    private Finding suppress(Finding f, boolean meta) {
      Suppression found = null;
      for (int i = 0; i < placed.size(); i++) {
        Placed p = placed.get(i);
        if ((meta && !p.pragma().wholeFile()) || p.pragma().malformed() != null || !p.covers(f)) {
          continue;
        }
        List<Set<String>> perId = targets.get(i);
        for (int j = 0; j < perId.size(); j++) {
          if (perId.get(j).contains(f.ruleId())) {
            used.get(i)[j] = true;
            if (found == null) {
              found = new Suppression(p.pragma().source(), p.pragma().reason(), p.pragma().span());
            }
          }
        }
      }
      if (found == null && dockerfile && !policy.hadolintIgnored().isEmpty()) {
        RuleMeta rule = rules.get(f.ruleId());
        List<String> hadolintIds =
            rule == null ? List.of() : rule.equivalents().getOrDefault("hadolint", List.of());
        for (String id : hadolintIds) {
          if (policy.hadolintIgnored().contains(id)) {
            found = new Suppression(".hadolint.yaml", id + " is listed under `ignored`", null);
            break;
          }
        }
      }
      return found == null ? f : f.withSuppression(found);
    }

    private List<Finding> metaFindings() {
      List<Finding> out = new ArrayList<>();
      for (int i = 0; i < placed.size(); i++) {
        Placed p = placed.get(i);
        Pragma pragma = p.pragma();
        if (pragma.malformed() != null) {
          meta(UNUSED, null, pragma.span(), pragma.malformed(), out);
          continue;
        }
        boolean own = pragma.source().equals(Pragma.HULLCHECK);
        if (!own && targets.get(i).stream().allMatch(Set::isEmpty) && !pragma.ids().isEmpty()) {
          // Another tool's comment about checks we do not have: theirs to judge, not ours.
          continue;
        }
        if (pragma.reason() == null && policy.requireReason()) {
          String how =
              switch (pragma.source()) {
                case "checkov" -> "`" + pragma.form() + ":<reason>`";
                default -> "`" + pragma.form() + " -- <reason>`";
              };
          meta(
              WITHOUT_REASON,
              own ? null : Severity.INFO,
              pragma.span(),
              "suppression without a reason: say why the finding does not apply, as in " + how,
              out);
        }
        if (pragma.ids().isEmpty()) {
          meta(UNUSED, null, pragma.span(), "suppression names no rule", out);
        }
        for (int j = 0; j < pragma.ids().size(); j++) {
          String id = pragma.ids().get(j);
          Set<String> mapped = targets.get(i).get(j);
          if (own && mapped.isEmpty()) {
            meta(
                UNUSED,
                null,
                pragma.span(),
                "suppression names `"
                    + id
                    + "`, which is not a Hullcheck rule"
                    + Suggest.didYouMean(id, rules.keySet()),
                out);
          } else if (!mapped.isEmpty()
              && !used.get(i)[j]
              && mapped.stream().noneMatch(META::contains)
              && (own || mapped.stream().anyMatch(this::enabled))) {
            // Another tool's pragma for a rule that is off here may still serve that tool; our
            // own pragma for a rule that is off is dead weight.
            String scope =
                pragma.wholeFile()
                    ? "in this file"
                    : p.target() == null
                        ? "(no instruction or entry follows it)"
                        : dockerfile ? "on the next instruction" : "in the next entry";
            String which =
                own ? "`" + id + "`" : "`" + id + "` (" + String.join(", ", mapped) + ")";
            String off = mapped.stream().anyMatch(this::enabled) ? "" : " (the rule is off here)";
            meta(
                UNUSED,
                null,
                pragma.span(),
                "suppression of " + which + " matches no finding " + scope + off + "; remove it",
                out);
          }
        }
      }
      return out;
    }

    private boolean enabled(String ruleId) {
      RuleMeta rule = rules.get(ruleId);
      return rule != null && policy.setting(source.path(), rule).enabled();
    }

    private void meta(String id, Severity cap, Span span, String message, List<Finding> out) {
      RuleMeta rule = rules.get(id);
      if (rule == null) {
        return;
      }
      var setting = policy.setting(source.path(), rule);
      if (!setting.enabled()) {
        return;
      }
      Severity severity = setting.severity();
      if (cap != null && severity.compareTo(cap) > 0) {
        severity = cap;
      }
      out.add(
          new Finding(
              id, severity, rule.category(), source.path(), span, message, null, null, null));
    }

    /** The rules a pragma's id names, through the equivalents for other tools' ids. */
    private Set<String> ruleIdsFor(String tool, String id) {
      if (tool.equals(Pragma.HULLCHECK)) {
        return rules.containsKey(id) ? Set.of(id) : Set.of();
      }
      String wanted = normalise(tool, id);
      Set<String> out = new java.util.LinkedHashSet<>();
      for (RuleMeta m : rules.values()) {
        for (String eq : m.equivalents().getOrDefault(tool, List.of())) {
          if (normalise(tool, eq).equals(wanted)) {
            out.add(m.id());
          }
        }
      }
      return out;
    }

    /** Trivy ids in every spelling ({@code DS002}, {@code DS-0002}, {@code AVD-DS-0002}) as one. */
    private static String normalise(String tool, String id) {
      String upper = id.trim().toUpperCase(Locale.ROOT);
      if (tool.equals("trivy")) {
        Matcher m = TRIVY_ID.matcher(upper);
        if (m.matches()) {
          return String.format(Locale.ROOT, "DS-%04d", Integer.parseInt(m.group(1)));
        }
      }
      return upper;
    }
  }
}
