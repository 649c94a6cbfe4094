package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Stage;
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
import io.hullcheck.rules.support.Stages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A CMD or ENTRYPOINT in shell form in the image that ships (the final stage and the stages it
 * builds FROM). The fix writes the exec (JSON) form when the words are plain: one simple command
 * with no operator, redirection, variable, substitution, glob, escape or heredoc, so that the shell
 * would have passed exactly those words.
 */
@RuleInfo(
    id = "cmd-shell-form",
    title = "CMD or ENTRYPOINT in shell form",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.CORRECTNESS,
    fixable = true,
    rationale =
        "Shell form runs the command as a child of /bin/sh -c, which does not pass on SIGTERM: the"
            + " app is killed after the stop timeout instead of shutting down cleanly, and a"
            + " shell-form ENTRYPOINT ignores CMD and docker run arguments.",
    hadolint = {"DL3025"},
    kics = {"not_using_json_in_cmd_and_entrypoint_arguments"})
public final class CmdShellForm implements DockerfileRule {
  /** Chars that make the shell do more than split words. */
  private static final String SPECIAL = "$`\\|&;<>()*?[]{}~#\n";

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    Optional<Stage> last = dockerfile.finalStage();
    if (last.isEmpty()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (Instruction ins : Stages.chainInstructions(last.get())) {
      if (!(ins.is("CMD") || ins.is("ENTRYPOINT")) || ins.execForm() || ins.args().isEmpty()) {
        continue;
      }
      Fix fix = plainWords(ins).map(words -> toExec(ins, words)).orElse(null);
      findings.add(
          finding(
              dockerfile.source(),
              ins.span(),
              ins.keyword()
                  + " "
                  + ins.argText().strip()
                  + " is in shell form, so the process runs under /bin/sh -c and misses SIGTERM:"
                  + " write it as a JSON array"
                  + (ins.is("CMD") ? "" : ", or exec the program from a script"),
              fix));
    }
    return findings;
  }

  /** The words the shell would pass, when nothing in the text needs a shell. */
  private static Optional<List<String>> plainWords(Instruction ins) {
    String text = ins.argText();
    if (!ins.heredocs().isEmpty() || needsShell(text)) {
      return Optional.empty();
    }
    List<Shell.Command> commands = Shell.commands(text);
    if (commands.size() != 1 || !commands.get(0).assignments().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(commands.get(0).words().stream().map(Shell.Word::value).toList());
  }

  /**
   * Whether the text has a char the shell would act on: outside quotes any of {@link #SPECIAL},
   * inside double quotes a variable, substitution or escape. Single-quoted text is literal.
   */
  private static boolean needsShell(String text) {
    char quote = 0;
    for (char c : text.toCharArray()) {
      if (quote == '\'') {
        quote = c == '\'' ? 0 : quote;
      } else if (quote == '"') {
        if (c == '$' || c == '`' || c == '\\') {
          return true;
        }
        quote = c == '"' ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (SPECIAL.indexOf(c) >= 0) {
        return true;
      }
    }
    return quote != 0;
  }

  private static Fix toExec(Instruction ins, List<String> words) {
    String json =
        words.stream().map(CmdShellForm::quote).collect(Collectors.joining(", ", "[", "]"));
    return Fix.of(
        "Write " + ins.keyword() + " in exec form", TextEdit.replace(ins.argSpan(), json));
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.append('"').toString();
  }
}
