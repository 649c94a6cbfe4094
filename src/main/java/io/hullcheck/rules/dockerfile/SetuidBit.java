package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Flag;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.support.Shell;
import io.hullcheck.rules.support.Stages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The image that ships gets a setuid or setgid file from its own Dockerfile: {@code chmod} with a
 * mode that adds {@code s} ({@code u+s}, {@code +s}, {@code g=s}) or a numeric mode with 4 or 2 in
 * the special digit ({@code 4755}), or {@code COPY/ADD --chmod=} with such a mode. Bits that come
 * with packages are not visible here and not reported; a mode with a variable is not judged.
 */
@RuleInfo(
    id = "setuid-bit",
    title = "Dockerfile sets a setuid or setgid bit",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.PRIVILEGES,
    rationale =
        "A setuid-root program runs as root whoever starts it: one bug in it turns a non-root"
            + " container user into root, and no-new-privileges is often not set.",
    cis = {"4.8"})
public final class SetuidBit implements DockerfileRule {
  private static final Pattern NUMERIC = Pattern.compile("0*[2-7][0-7]{3}");
  private static final Pattern SYMBOLIC = Pattern.compile("[ugoa]*[+=][rwxXst]*s[rwxXst]*");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    Optional<Stage> last = dockerfile.finalStage();
    if (last.isEmpty()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (Instruction ins : Stages.chainInstructions(last.get())) {
      if (ins.is("COPY") || ins.is("ADD")) {
        Optional<Flag> chmod = ins.flag("chmod");
        if (chmod.isPresent() && chmod.get().value() != null && special(chmod.get().value())) {
          findings.add(found(dockerfile, chmod.get().span(), "--chmod=" + chmod.get().value()));
        }
      } else if (ins.is("RUN")) {
        for (RunScript.Cmd c : RunScript.commands(dockerfile, ins)) {
          Shell.Command cmd = c.command();
          if (!cmd.name().equals("chmod")) {
            continue;
          }
          for (String a : cmd.args()) {
            if (!a.startsWith("-") && special(a)) {
              findings.add(found(dockerfile, c.span(), "chmod " + a));
              break;
            }
          }
        }
      }
    }
    return findings;
  }

  /** Whether a mode adds setuid or setgid; {@code u-s} and {@code 0755} do not. */
  static boolean special(String mode) {
    if (NUMERIC.matcher(mode).matches()) {
      int digit = mode.charAt(mode.length() - 4) - '0';
      return (digit & 6) != 0;
    }
    for (String part : mode.split(",")) {
      if (SYMBOLIC.matcher(part).matches() && !part.startsWith("o")) {
        return true;
      }
    }
    return false;
  }

  private Finding found(Dockerfile dockerfile, io.hullcheck.model.Span span, String what) {
    return finding(
        dockerfile.source(),
        span,
        what
            + " sets a setuid/setgid bit in the image: drop it, and give the program the one"
            + " capability it needs (setcap) or run the step as root at build time instead");
  }
}
