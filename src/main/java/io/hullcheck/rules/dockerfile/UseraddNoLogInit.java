package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.TextEdit;
import io.hullcheck.rules.support.Shell;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code useradd} with a literal UID above 99999 and without {@code -l}/{@code --no-log-init}. A
 * UID written with a variable is unknown and not reported. Every stage. The fix inserts {@code -l}
 * after {@code useradd}.
 */
@RuleInfo(
    id = "useradd-no-log-init",
    title = "useradd with a high UID fills the lastlog file",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.BUILD_HYGIENE,
    fixable = true,
    rationale =
        "useradd records the user in /var/log/lastlog and faillog at an offset of the UID; the"
            + " sparse file is stored in full in the layer, so a large UID adds gigabytes.",
    hadolint = {"DL3046"})
public final class UseraddNoLogInit implements DockerfileRule {
  private static final long LIMIT = 99_999;

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Instruction run : RunScript.allRuns(dockerfile)) {
      for (RunScript.Cmd c : RunScript.commands(dockerfile, run)) {
        Shell.Command cmd = c.command();
        if (!cmd.name().equals("useradd") || cmd.hasFlag("-l", "--no-log-init")) {
          continue;
        }
        long uid = uid(cmd.args());
        if (uid <= LIMIT) {
          continue;
        }
        OptionalInt at = c.after(cmd.words().get(0));
        Fix fix = at.isPresent() ? Fix.of("Add -l", TextEdit.insert(at.getAsInt(), " -l")) : null;
        findings.add(
            finding(
                dockerfile.source(),
                c.span(),
                "useradd with UID "
                    + uid
                    + " writes a lastlog file of that size into the layer: add -l"
                    + " (--no-log-init)",
                fix));
      }
    }
    return findings;
  }

  /**
   * The literal UID given with {@code -u}, {@code --uid}, {@code -uN} or {@code --uid=N}; else -1.
   */
  private static long uid(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String v = null;
      if ((a.equals("-u") || a.equals("--uid")) && i + 1 < args.size()) {
        v = args.get(i + 1);
      } else if (a.startsWith("--uid=")) {
        v = a.substring("--uid=".length());
      } else if (a.startsWith("-u") && a.length() > 2 && Character.isDigit(a.charAt(2))) {
        v = a.substring(2);
      }
      if (v != null) {
        return v.matches("[0-9]{1,12}") ? Long.parseLong(v) : -1;
      }
    }
    return -1;
  }
}
