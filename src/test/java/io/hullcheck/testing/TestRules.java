package io.hullcheck.testing;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.YEntry;
import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.Rule;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.TextEdit;
import java.util.ArrayList;
import java.util.List;

/**
 * Small rules that exist only in tests, so the engine and the fixture harness can be tested on
 * their own. Their ids start with {@code test-}.
 */
public final class TestRules {
  private TestRules() {}

  public static List<Rule> all() {
    return List.of(new Maintainer(), new Privileged(), new Throws(), new Expose());
  }

  /** The end of the line holding {@code offset}, past its terminator. */
  static int nextLineStart(SourceFile s, int offset) {
    int line = s.lineOf(offset);
    return line < s.lineCount() ? s.lineStart(line + 1) : s.text().length();
  }

  /** Flags MAINTAINER; fix: the same text as a maintainer LABEL. */
  @RuleInfo(
      id = "test-maintainer",
      title = "MAINTAINER is deprecated",
      severity = Severity.WARNING,
      target = Target.DOCKERFILE,
      category = Category.STYLE,
      fixable = true,
      rationale = "Test rule.")
  public static final class Maintainer implements DockerfileRule {
    @Override
    public List<Finding> check(Dockerfile d, RuleContext context) {
      List<Finding> out = new ArrayList<>();
      for (Instruction i : d.instructions()) {
        if (i.is("MAINTAINER")) {
          Fix fix =
              Fix.of(
                  "Use a LABEL",
                  TextEdit.replace(i.span(), "LABEL maintainer=\"" + i.argText().strip() + "\""));
          out.add(finding(d.source(), i.span(), "MAINTAINER is deprecated; use a LABEL", fix));
        }
      }
      return out;
    }
  }

  /** Flags {@code privileged: true}; fix: delete that line. */
  @RuleInfo(
      id = "test-privileged",
      title = "Service runs privileged",
      severity = Severity.ERROR,
      target = Target.COMPOSE,
      category = Category.PRIVILEGES,
      fixable = true,
      rationale = "Test rule.")
  public static final class Privileged implements ComposeRule {
    @Override
    public List<Finding> check(ComposeFile c, RuleContext context) {
      List<Finding> out = new ArrayList<>();
      for (Service s : c.services()) {
        YEntry e = s.body().entry("privileged").orElse(null);
        if (e != null && e.mergedVia() == null && s.scalar("privileged").get().isTrue()) {
          int start = c.source().lineStart(e.key().span().startLine());
          Fix fix =
              Fix.of(
                  "Remove privileged",
                  TextEdit.delete(start, nextLineStart(c.source(), e.value().span().endOffset())));
          out.add(finding(c.source(), e.span(), "Service " + s.name() + " runs privileged", fix));
        }
      }
      return out;
    }
  }

  /** Always throws: the engine must turn that into an internal-error finding. */
  @RuleInfo(
      id = "test-throws",
      title = "Throws",
      severity = Severity.ERROR,
      target = Target.DOCKERFILE,
      category = Category.CORRECTNESS,
      rationale = "Test rule.")
  public static final class Throws implements DockerfileRule {
    @Override
    public List<Finding> check(Dockerfile d, RuleContext context) {
      throw new IllegalStateException("boom");
    }
  }

  /**
   * Flags EXPOSE. Option {@code mode} picks the fix: {@code good} deletes the line, {@code keep}
   * leaves the EXPOSE in place, {@code crlf} writes a CRLF into the file, {@code new} replaces it
   * with a MAINTAINER (a new finding when test-maintainer is on), {@code break} writes an unknown
   * instruction, {@code none} offers nothing.
   */
  @RuleInfo(
      id = "test-expose",
      title = "EXPOSE found",
      severity = Severity.INFO,
      target = Target.DOCKERFILE,
      category = Category.STYLE,
      fixable = true,
      rationale = "Test rule.")
  public static final class Expose implements DockerfileRule {
    @Override
    public List<Finding> check(Dockerfile d, RuleContext context) {
      List<Finding> out = new ArrayList<>();
      String mode = context.options().getString("mode", "good");
      for (Instruction i : d.instructions()) {
        if (!i.is("EXPOSE")) {
          continue;
        }
        int start = i.span().startOffset();
        int end = i.span().endOffset();
        Fix fix =
            switch (mode) {
              case "good" ->
                  Fix.of("Remove EXPOSE", TextEdit.delete(start, nextLineStart(d.source(), end)));
              case "keep" -> Fix.of("Add a comment", TextEdit.insert(end, " 9999"));
              case "crlf" -> Fix.of("Label it", TextEdit.replace(i.span(), "LABEL a=b\r"));
              case "new" -> Fix.of("Replace", TextEdit.replace(i.span(), "MAINTAINER x"));
              case "break" -> Fix.of("Replace", TextEdit.replace(i.span(), "BOGUS x"));
              default -> null;
            };
        out.add(finding(d.source(), i.span(), "EXPOSE " + i.argText().strip(), fix));
      }
      return out;
    }
  }
}
