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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A service whose processes may gain privileges through setuid binaries: no {@code
 * no-new-privileges} in {@code security_opt}, or one set to false. An item from a variable without
 * a default may set it and exempts the service; so does a {@code security_opt} that is not a list.
 * The fix adds {@code security_opt: ["no-new-privileges:true"]}, or appends the item to a list
 * written in the service; a list merged in from an anchor is left alone (adding the key in the
 * service would hide the merged items, appending to the anchor changes other services).
 */
@RuleInfo(
    id = "no-new-privileges-missing",
    title = "Service does not set no-new-privileges",
    severity = Severity.INFO,
    target = Target.COMPOSE,
    category = Category.PRIVILEGES,
    fixable = true,
    rationale =
        "Without no-new-privileges a process in the container can raise its privileges through"
            + " setuid or setgid binaries or file capabilities, which turns a foothold as an"
            + " unprivileged user into root in the container.",
    kics = "no_new_privileges_not_set",
    cis = "5.26")
public final class NoNewPrivilegesMissingRule implements ComposeRule {
  private static final String ITEM = "no-new-privileges:true";

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    if (compose.root() == null) {
      return List.of();
    }
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    String unit = edits.unit(compose.root().map("services").orElse(null));
    List<Finding> out = new ArrayList<>();
    ValueFindings disabled = new ValueFindings(this, compose, context);
    for (Service s : compose.services()) {
      YEntry entry = s.body().entry("security_opt").orElse(null);
      if (entry == null) {
        out.add(missing(compose, s, null, context.fixes() ? addKey(edits, unit, s) : null));
        continue;
      }
      if (!(entry.value() instanceof YSeq seq)) {
        continue;
      }
      Setting setting = setting(seq);
      if (setting.maybeSet) {
        continue;
      }
      if (setting.off != null) {
        YNode off = setting.off;
        disabled.add(
            s,
            "security_opt",
            edits.tight(off),
            "security_opt "
                + ((YScalar) off).value()
                + " lets processes in the container gain privileges through setuid binaries;"
                + " set it to no-new-privileges:true",
            () -> replace(edits, (YScalar) off));
        continue;
      }
      boolean own = entry.mergedVia() == null && ValueFindings.writtenIn(compose, s, seq.span());
      out.add(missing(compose, s, entry, own && context.fixes() ? append(edits, seq) : null));
    }
    out.addAll(disabled.findings());
    return out;
  }

  /** What the items say: set (or maybe set), explicitly off (the item), or absent. */
  private record Setting(boolean maybeSet, YNode off) {}

  private static Setting setting(YSeq seq) {
    YNode off = null;
    for (YNode item : seq.items()) {
      if (!(item instanceof YScalar opt)) {
        continue;
      }
      if (opt.value() == null) {
        return new Setting(true, null);
      }
      String o = opt.value().strip().toLowerCase(Locale.ROOT).replace('=', ':');
      if (o.equals("no-new-privileges") || o.equals("no-new-privileges:true")) {
        return new Setting(true, null);
      }
      if (o.equals("no-new-privileges:false")) {
        off = item;
      }
    }
    return new Setting(false, off);
  }

  /**
   * @param entry the service's {@code security_opt} entry, or null when it has none
   */
  private Finding missing(ComposeFile compose, Service s, YEntry entry, Fix fix) {
    String where;
    if (entry == null) {
      where = "add security_opt: [\"no-new-privileges:true\"]";
    } else if (!ValueFindings.writtenIn(compose, s, entry.value().span())) {
      where =
          "add no-new-privileges:true to its security_opt list, written at "
              + compose.where(entry.value().span(), s.nameSpan());
    } else {
      where = "add no-new-privileges:true to its security_opt list";
    }
    return finding(
        compose.source(),
        s.nameSpan(),
        "Service "
            + s.name()
            + " lets its processes gain privileges through setuid binaries; "
            + where
            + " unless it must switch users at run time (su, sudo, ping with file capabilities)",
        fix);
  }

  private static Fix addKey(YamlEdits edits, String unit, Service s) {
    boolean bodyWritten = s.body().span().startOffset() >= s.entry().key().span().endOffset();
    if (!bodyWritten) {
      return null;
    }
    TextEdit edit = edits.insertEntry(s.body(), "security_opt", "[\"" + ITEM + "\"]", unit);
    return edit == null ? null : Fix.of("Add security_opt: [\"" + ITEM + "\"]", edit);
  }

  private static Fix append(YamlEdits edits, YSeq seq) {
    TextEdit edit = edits.appendItem(seq, edits.isFlow(seq) ? "\"" + ITEM + "\"" : ITEM);
    return edit == null ? null : Fix.of("Add " + ITEM + " to security_opt", edit);
  }

  private static Fix replace(YamlEdits edits, YScalar off) {
    TextEdit edit = edits.replaceScalar(off, ITEM, false);
    return edit == null ? null : Fix.of("Set no-new-privileges:true", edit);
  }
}
