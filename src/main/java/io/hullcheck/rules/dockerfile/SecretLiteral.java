package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Comment;
import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Heredoc;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Word;
import io.hullcheck.model.SourceFile;
import io.hullcheck.model.Span;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.support.Secrets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A literal with the format of a real credential (cloud and SaaS tokens, private key blocks, JWTs,
 * passwords in URLs; see {@link Secrets#findCredentials}) anywhere in the Dockerfile: ENV, ARG,
 * RUN, LABEL and every other instruction's arguments, heredoc bodies and comments. Every stage
 * counts: the literal is committed to the repository whichever stage holds it. The finding points
 * at the credential itself and never repeats its value.
 */
@RuleInfo(
    id = "secret-literal",
    title = "Credential written in the Dockerfile",
    severity = Severity.ERROR,
    target = Target.DOCKERFILE,
    category = Category.SECRETS,
    rationale =
        "A credential in a Dockerfile is in the repository's history and in the image for good;"
            + " it must be treated as leaked and rotated.",
    kics = {"passwords_and_secrets"},
    cis = {"4.10"})
public final class SecretLiteral implements DockerfileRule {
  private static final String COMMENT = "a comment";

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    SourceFile source = dockerfile.source();
    int[] needles = Secrets.needleOffsets(source.text());
    if (needles.length == 0) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    Set<Integer> reported = new HashSet<>();
    Scan scan = new Scan(source, needles, reported, findings);
    for (Instruction ins : dockerfile.instructions()) {
      scanInstruction(scan, ins, ins.keyword());
    }
    for (Comment c : dockerfile.comments()) {
      scan(scan, c.span(), COMMENT);
    }
    return findings;
  }

  /** One file's scan: its text, where credential needles start in it, and what was reported. */
  private record Scan(SourceFile source, int[] needles, Set<Integer> reported, List<Finding> out) {}

  private void scanInstruction(Scan scan, Instruction ins, String where) {
    // Words, heredocs and an ONBUILD trigger lie inside the instruction's span.
    if (!Secrets.anyIn(scan.needles(), ins.span().startOffset(), ins.span().endOffset())) {
      return;
    }
    if (ins.onbuild() != null) {
      scanInstruction(scan, ins.onbuild(), "ONBUILD " + ins.onbuild().keyword());
    }
    for (Word w : ins.args()) {
      scan(scan, w.span(), where);
    }
    for (Heredoc h : ins.heredocs()) {
      scan(scan, h.bodySpan(), "a heredoc of " + where);
    }
  }

  private void scan(Scan scan, Span region, String where) {
    if (!Secrets.anyIn(scan.needles(), region.startOffset(), region.endOffset())) {
      return;
    }
    SourceFile source = scan.source();
    Set<Integer> reported = scan.reported();
    List<Finding> out = scan.out();
    String text = source.slice(region);
    boolean comment = where.equals(COMMENT);
    for (Secrets.Match m : Secrets.findCredentials(text)) {
      int start = region.startOffset() + m.start();
      if (!reported.add(start)) {
        continue;
      }
      out.add(
          finding(
              source,
              source.span(start, region.startOffset() + m.end()),
              "A literal "
                  + m.kind().label()
                  + " is written in "
                  + where
                  + (comment
                      ? ": it is in the repository history"
                      : ": it is in the repository history and the image")
                  + "; revoke and rotate it, then"
                  + " pass it at build time with RUN --mount=type=secret or at run time as a"
                  + " secret"));
    }
  }
}
