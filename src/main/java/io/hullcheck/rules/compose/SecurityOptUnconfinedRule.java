package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.YEntry;
import io.hullcheck.compose.YNode;
import io.hullcheck.compose.YScalar;
import io.hullcheck.compose.YSeq;
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
import java.util.Locale;

/** {@code security_opt} items that switch off seccomp, AppArmor or SELinux confinement. */
@RuleInfo(
    id = "security-opt-unconfined",
    title = "Service turns off seccomp, AppArmor or SELinux confinement",
    severity = Severity.WARNING,
    target = Target.COMPOSE,
    category = Category.PRIVILEGES,
    fixable = true,
    rationale =
        "The default seccomp, AppArmor and SELinux profiles block the system calls and file"
            + " accesses most container escapes rely on; turning them off leaves only"
            + " capabilities between the container and the kernel.",
    kics = "default_seccomp_profile_disabled",
    cis = {"5.2", "5.3", "5.22"})
public final class SecurityOptUnconfinedRule implements ComposeRule {

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    if (compose.root() == null) {
      return List.of();
    }
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    ValueFindings found = new ValueFindings(this, compose, context);
    for (Service s : compose.services()) {
      YEntry entry = s.body().entry("security_opt").orElse(null);
      if (entry == null || !(entry.value() instanceof YSeq seq)) {
        continue;
      }
      for (YNode item : seq.items()) {
        if (!(item instanceof YScalar opt) || opt.value() == null) {
          continue;
        }
        String what = unconfined(opt.value());
        if (what == null) {
          continue;
        }
        found.add(
            s,
            "security_opt",
            edits.tight(item),
            "security_opt "
                + opt.value()
                + " "
                + what
                + "; remove it (or point seccomp at a"
                + " custom profile that allows only the extra calls the service needs)",
            () -> fix(edits, entry, seq, item, opt.value()));
      }
    }
    return found.findings();
  }

  /** What the option turns off, or null when it confines. */
  static String unconfined(String option) {
    String o = option.strip().toLowerCase(Locale.ROOT).replace('=', ':');
    switch (o) {
      case "seccomp:unconfined":
        return "turns off the seccomp system-call filter";
      case "apparmor:unconfined":
        return "turns off AppArmor confinement";
      case "label:disable":
        return "turns off SELinux labelling";
      case "systempaths:unconfined":
        return "unmasks the /proc and /sys paths the runtime hides from containers";
      default:
        return null;
    }
  }

  private static String advice(String option) {
    return option.strip().toLowerCase(Locale.ROOT).startsWith("seccomp")
        ? " (or point seccomp at a custom profile that allows only the extra calls the service"
            + " needs)"
        : "";
  }

  private static Fix fix(YamlEdits edits, YEntry entry, YSeq seq, YNode item, String value) {
    TextEdit edit = edits.deleteItem(seq, item);
    if (edit == null && seq.items().size() == 1) {
      edit = edits.deleteEntry(entry);
    }
    return edit == null ? null : Fix.of("Remove " + value + " from security_opt", edit);
  }
}
