package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.dockerfile.Word;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * COPY or ADD with two or more sources (heredoc sources included), shell or JSON form, whose
 * destination does not end in {@code /} (or {@code \} on Windows). A destination with an unknown
 * variable is skipped. The fix appends {@code /} to the destination as written, inside its quotes.
 */
@RuleInfo(
    id = "copy-multiple-sources-dir",
    title = "COPY of several sources to a destination without a trailing slash",
    severity = Severity.ERROR,
    target = Target.DOCKERFILE,
    category = Category.CORRECTNESS,
    fixable = true,
    rationale =
        "With more than one source the destination must be a directory written with a trailing"
            + " slash; without it the build fails.",
    hadolint = {"DL3021"},
    trivy = {"DS-0011"},
    kics = {"copy_with_more_than_two_arguments_not_ending_with_slash"})
public final class CopyMultipleSourcesDir implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : dockerfile.stages()) {
      for (Instruction ins : stage.instructions()) {
        if ((!ins.is("COPY") && !ins.is("ADD")) || ins.args().size() < 3) {
          continue;
        }
        Word dest = ins.args().get(ins.args().size() - 1);
        Optional<String> path = stage.scope().expand(dest, ins);
        if (path.isEmpty() || path.get().endsWith("/") || path.get().endsWith("\\")) {
          continue;
        }
        int sources = ins.args().size() - 1;
        findings.add(
            finding(
                dockerfile.source(),
                dest.span(),
                ins.keyword()
                    + " of "
                    + sources
                    + " sources needs a directory destination ending in /; write "
                    + path.get()
                    + "/",
                Fix.of("End the destination with /", appendSlash(dest))));
      }
    }
    return findings;
  }

  private static TextEdit appendSlash(Word dest) {
    String raw = dest.raw();
    boolean quoted =
        raw.length() >= 2
            && (raw.endsWith("\"") || raw.endsWith("'"))
            && raw.charAt(0) == raw.charAt(raw.length() - 1);
    int at = dest.span().endOffset() - (quoted ? 1 : 0);
    return TextEdit.insert(at, "/");
  }
}
