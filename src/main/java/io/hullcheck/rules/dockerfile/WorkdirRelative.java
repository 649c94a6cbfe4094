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
import io.hullcheck.rules.support.Stages;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A WORKDIR whose path is relative, in any stage. A path that contains a variable is skipped even
 * when the variable has a default (a build arg can make it absolute), and so are Windows paths
 * ({@code C:\app}, {@code C:/app}, {@code \app}). When the WORKDIRs before it in the stage chain
 * reach back to an absolute one, the fix writes the absolute path the relative one resolves to.
 */
@RuleInfo(
    id = "workdir-relative",
    title = "WORKDIR path is relative",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.CORRECTNESS,
    fixable = true,
    rationale =
        "A relative WORKDIR is resolved against whatever directory the base image or an earlier"
            + " WORKDIR left behind, so the same line means a different place when the base image"
            + " changes.",
    hadolint = {"DL3000"},
    trivy = {"DS-0009"},
    kics = {"workdir_path_not_absolute"},
    checkov = {"CKV_DOCKER_10"})
public final class WorkdirRelative implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : dockerfile.stages()) {
      for (Instruction workdir : stage.all("WORKDIR")) {
        if (workdir.args().isEmpty()) {
          continue;
        }
        Word word = workdir.args().get(0);
        if (word.raw().contains("$")) {
          continue;
        }
        Optional<String> path = stage.scope().expand(word, workdir);
        if (path.isEmpty() || path.get().isEmpty() || isAbsolute(path.get())) {
          continue;
        }
        Optional<String> absolute = resolve(stage, workdir);
        String message =
            "WORKDIR "
                + path.get()
                + " is relative, so it depends on the directory the base image or an earlier"
                + " WORKDIR set; write the absolute path"
                + absolute.map(a -> ", WORKDIR " + a).orElse("");
        Fix fix =
            absolute
                .filter(a -> !a.contains("\\") && !a.contains("\""))
                .map(a -> a.matches(".*[\\s'`].*") ? '"' + a + '"' : a)
                .map(
                    a ->
                        Fix.of(
                            "Write the absolute path the WORKDIR resolves to",
                            TextEdit.replace(word.span(), a)))
                .orElse(null);
        findings.add(finding(dockerfile.source(), word.span(), message, fix));
      }
    }
    return findings;
  }

  /**
   * The absolute directory a relative WORKDIR resolves to: joined onto the WORKDIRs before it in
   * the stage chain, back to the nearest absolute one. Empty when there is none (the base image's
   * directory is not known) or one of them has a variable.
   */
  static Optional<String> resolve(Stage stage, Instruction target) {
    String dir = null;
    for (Instruction ins : Stages.chainInstructions(stage)) {
      if (!ins.is("WORKDIR") || ins.args().isEmpty()) {
        continue;
      }
      Word w = ins.args().get(0);
      Optional<String> value =
          w.raw().contains("$") ? Optional.empty() : stage.scope().expand(w, ins);
      if (value.isEmpty() || value.get().isEmpty()) {
        dir = null;
      } else if (isAbsolute(value.get())) {
        dir = value.get();
      } else if (dir != null) {
        dir = join(dir, value.get());
      }
      if (ins == target) {
        return dir == null || !dir.startsWith("/") ? Optional.empty() : Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  private static String join(String dir, String relative) {
    Deque<String> parts = new ArrayDeque<>();
    for (String p : (dir + "/" + relative).split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(p);
      }
    }
    return "/" + String.join("/", parts);
  }

  static boolean isAbsolute(String path) {
    if (path.startsWith("/") || path.startsWith("\\")) {
      return true;
    }
    return path.length() >= 2 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':';
  }
}
