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
        Unconfined what = unconfined(opt.value());
        if (what == null) {
          continue;
        }
        found.add(
            s,
            "security_opt",
            edits.tight(item),
            "security_opt " + opt.value() + " " + what.turnsOff() + "; remove it" + what.advice(),
            () -> fix(edits, entry, seq, item, opt.value()));
      }
    }
    return found.findings();
  }

  /**
   * What an option turns off, and the confined alternative to offer, which belongs to the same
   * mechanism: seccomp advice means nothing to someone who turned off AppArmor or SELinux.
   *
   * @param turnsOff what the option turns off, for the message
   * @param advice the alternative to removing it, starting with " (or", or empty when there is none
   *     worth naming
   */
  record Unconfined(String turnsOff, String advice) {}

  /** What the option turns off ({@code :} and {@code =} alike), or null when it confines. */
  static Unconfined unconfined(String option) {
    String o = option.strip().toLowerCase(Locale.ROOT).replace('=', ':');
    switch (o) {
      case "seccomp:unconfined":
        return new Unconfined(
            "turns off the seccomp system-call filter",
            " (or point seccomp at a custom profile that allows only the extra calls the service"
                + " needs)");
      case "apparmor:unconfined":
        return new Unconfined(
            "turns off AppArmor confinement",
            " (or load a custom AppArmor profile on the host that allows only the extra access the"
                + " service needs, and name it with apparmor:PROFILE)");
      case "label:disable":
        return new Unconfined(
            "turns off SELinux labelling",
            " (or relabel the bind mounts the service needs with :z or :Z, or give it a SELinux"
                + " type that allows the extra access with label:type:TYPE)");
      case "systempaths:unconfined":
        return new Unconfined(
            "unmasks the /proc and /sys paths the runtime hides from containers", "");
      default:
        return null;
    }
  }

  private static Fix fix(YamlEdits edits, YEntry entry, YSeq seq, YNode item, String value) {
    TextEdit edit = edits.deleteItem(seq, item);
    if (edit == null && seq.items().size() == 1) {
      edit = edits.deleteEntry(entry);
    }
    return edit == null ? null : Fix.of("Remove " + value + " from security_opt", edit);
  }
}
