package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.model.Span;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.TextEdit;
import io.hullcheck.rules.support.Stages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A CMD or ENTRYPOINT in shell form in the image that ships (the final stage and the stages it
 * builds FROM). The fix writes the exec (JSON) form when {@link ExecForm} finds that the array runs
 * the same program with the same arguments. A shell-form ENTRYPOINT gets no fix while the chain
 * sets a CMD: Docker ignores CMD behind a shell-form ENTRYPOINT but passes its words to an
 * exec-form one, so the fix would change what runs.
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
  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    Optional<Stage> last = dockerfile.finalStage();
    if (last.isEmpty()) {
      return List.of();
    }
    List<Instruction> chain = Stages.chainInstructions(last.get());
    Optional<Instruction> cmd = shippedCmd(chain);
    List<Finding> findings = new ArrayList<>();
    for (Instruction ins : chain) {
      if (!(ins.is("CMD") || ins.is("ENTRYPOINT")) || ins.execForm() || ins.args().isEmpty()) {
        continue;
      }
      if (!ins.flags().isEmpty()) {
        // The parser keeps unknown flags; BuildKit refuses them on CMD and ENTRYPOINT. Words that
        // look like flags are the program's, and only the user knows the command they meant.
        String text = dockerfile.source().text();
        String written = text.substring(ins.span().startOffset(), ins.span().endOffset()).strip();
        Span flag = ins.flags().get(0).span();
        findings.add(
            finding(
                dockerfile.source(),
                ins.span(),
                written
                    + " does not build: BuildKit reads "
                    + text.substring(flag.startOffset(), flag.endOffset())
                    + " as a flag of "
                    + ins.keyword()
                    + ", which takes none; if these are the program's arguments, write the whole"
                    + " command as a JSON array"));
        continue;
      }
      String problem =
          ins.keyword()
              + " "
              + ins.argText().strip()
              + " is in shell form, so the process runs under /bin/sh -c and misses SIGTERM";
      ExecForm.Conversion exec = ExecForm.convert(ins);
      if (exec.refusal() != null) {
        findings.add(finding(dockerfile.source(), ins.span(), problem + "; " + exec.refusal()));
      } else if (ins.is("ENTRYPOINT") && cmd.isPresent()) {
        findings.add(
            finding(
                dockerfile.source(),
                ins.span(),
                problem
                    + "; in exec form the CMD on line "
                    + cmd.get().span().startLine()
                    + " would become its arguments, as a shell-form ENTRYPOINT ignores CMD: write"
                    + " both as JSON arrays knowing that CMD's words are passed to the"
                    + " entrypoint, or drop the CMD"));
      } else {
        String advice = ins.is("CMD") ? "" : ", or exec the program from a script";
        findings.add(
            finding(
                dockerfile.source(),
                ins.span(),
                problem + ": write it as a JSON array" + advice,
                toExec(ins, exec.words())));
      }
    }
    return findings;
  }

  /**
   * The CMD the shipped image keeps, if any. BuildKit clears a CMD inherited from the base image
   * when an ENTRYPOINT is set, but not one written in the build, in any stage of the chain, before
   * or after the ENTRYPOINT. {@code CMD []} adds no arguments, so it counts as none.
   */
  private static Optional<Instruction> shippedCmd(List<Instruction> chain) {
    Instruction cmd = null;
    for (Instruction ins : chain) {
      if (ins.is("CMD")) {
        cmd = ins;
      }
    }
    return Optional.ofNullable(cmd).filter(c -> !(c.execForm() && c.args().isEmpty()));
  }

  private static Fix toExec(Instruction ins, List<String> words) {
    return Fix.of(
        "Write " + ins.keyword() + " in exec form",
        TextEdit.replace(ins.argSpan(), ExecForm.json(words)));
  }
}
