package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Heredoc;
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
import io.hullcheck.rules.support.ShellText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A shell-form RUN (or RUN heredoc) that runs {@code cd} to change the directory of the commands
 * after it. A {@code cd} inside a subshell {@code ( cd x && make )} or a command substitution
 * {@code $(cd x && pwd)} only affects that subshell, which is the sanctioned idiom, and is not
 * reported. Exec-form RUN is not read as shell. One finding per RUN, at its keyword.
 */
@RuleInfo(
    id = "run-cd",
    title = "RUN changes directory with cd",
    severity = Severity.INFO,
    target = Target.DOCKERFILE,
    category = Category.STYLE,
    rationale =
        "WORKDIR states the directory once for every later instruction; a cd inside RUN is easy to"
            + " miss and forgotten by the next RUN, which starts in the WORKDIR again.",
    hadolint = {"DL3003"},
    trivy = {"DS-0013"},
    kics = {"run_command_cd_instead_of_workdir"})
public final class RunCd implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : dockerfile.stages()) {
      for (Instruction run : stage.all("RUN")) {
        if (run.execForm()) {
          continue;
        }
        // The shared split of this shell-form RUN: the same commands as splitting each text anew.
        ShellText.Split split = ShellText.split(run);
        Optional<String> target = topLevelCd(run.argText(), split.main());
        List<Heredoc> heredocs = run.heredocs();
        for (int i = 0; i < heredocs.size() && target.isEmpty(); i++) {
          target = topLevelCd(heredocs.get(i).body(), split.heredocs().get(i));
        }
        target.ifPresent(
            dir ->
                findings.add(
                    finding(
                        dockerfile.source(),
                        run.keywordSpan(),
                        "RUN changes directory with cd "
                            + dir
                            + "; set the directory with an absolute WORKDIR before the RUN"
                            + " instead, or keep the cd and the commands that need it in a"
                            + " subshell: ( cd "
                            + dir
                            + " && … )")));
      }
    }
    return findings;
  }

  /**
   * The operand of the first {@code cd} outside subshells and substitutions, or {@code -}, given
   * the script and its {@link Shell#commands}.
   */
  static Optional<String> topLevelCd(String script, List<Shell.Command> commands) {
    for (Shell.Command raw : commands) {
      Shell.Command cmd = raw.unwrapped();
      if (!cmd.name().equals("cd") || cmd.words().isEmpty()) {
        continue;
      }
      if (depthAt(script, cmd.words().get(0).start()) > 0) {
        continue;
      }
      List<String> operands = cmd.args().stream().filter(a -> !a.startsWith("-")).toList();
      return Optional.of(operands.isEmpty() ? "~" : operands.get(0));
    }
    return Optional.empty();
  }

  /** How many parentheses (subshells, substitutions) are open at {@code offset}, quote-aware. */
  static int depthAt(String script, int offset) {
    int depth = 0;
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < Math.min(offset, script.length()); i++) {
      char c = script.charAt(i);
      if (single) {
        single = c != '\'';
      } else if (c == '\\') {
        i++;
      } else if (c == '\'' && !dbl) {
        single = true;
      } else if (c == '"') {
        dbl = !dbl;
      } else if (c == '(' && (!dbl || (i > 0 && script.charAt(i - 1) == '$'))) {
        depth++;
      } else if (c == ')' && depth > 0) {
        depth--;
      } else if (c == '#' && !dbl && (i == 0 || Character.isWhitespace(script.charAt(i - 1)))) {
        while (i + 1 < offset && script.charAt(i + 1) != '\n') {
          i++;
        }
      }
    }
    return depth;
  }
}
