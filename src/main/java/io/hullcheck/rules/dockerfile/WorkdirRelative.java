package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.dockerfile.Word;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A WORKDIR whose path is relative, in any stage. A path that contains a variable is skipped even
 * when the variable has a default (a build arg can make it absolute), and so are Windows paths
 * ({@code C:\app}, {@code C:/app}, {@code \app}).
 */
@RuleInfo(
    id = "workdir-relative",
    title = "WORKDIR path is relative",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.CORRECTNESS,
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
        findings.add(
            finding(
                dockerfile.source(),
                word.span(),
                "WORKDIR "
                    + path.get()
                    + " is relative, so it depends on the directory the base image or an earlier"
                    + " WORKDIR set; write the absolute path, e.g. WORKDIR /"
                    + path.get()));
      }
    }
    return findings;
  }

  static boolean isAbsolute(String path) {
    if (path.startsWith("/") || path.startsWith("\\")) {
      return true;
    }
    return path.length() >= 2 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':';
  }
}
