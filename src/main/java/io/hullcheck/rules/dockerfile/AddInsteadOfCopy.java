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
import java.util.Set;

/**
 * An ADD whose sources are all local files or directories that ADD copies exactly as COPY would: no
 * URL, no git repository, nothing that may be an archive ADD unpacks, no variable whose value is
 * unknown, and no ADD-only flag. Every stage.
 */
@RuleInfo(
    id = "add-instead-of-copy",
    title = "ADD used where COPY does the same",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.BUILD_HYGIENE,
    fixable = true,
    rationale =
        "ADD also downloads URLs and unpacks archives; using it for plain files hides which of"
            + " those a line relies on, and a renamed file can start being unpacked. COPY does"
            + " only the copy.",
    hadolint = {"DL3020"},
    trivy = {"DS-0005"},
    kics = {"add_instead_of_copy"},
    checkov = {"CKV_DOCKER_4"},
    cis = {"4.9"})
public final class AddInsteadOfCopy implements DockerfileRule {
  private static final Set<String> ADD_ONLY_FLAGS = Set.of("checksum", "keep-git-dir", "unpack");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : dockerfile.stages()) {
      for (Instruction add : stage.all("ADD")) {
        List<Word> sources = AddSources.sources(add);
        if (sources.isEmpty()
            || add.flags().stream().anyMatch(f -> ADD_ONLY_FLAGS.contains(f.name()))
            || !sources.stream().allMatch(w -> plainLocal(stage, add, w))) {
          continue;
        }
        String copy = isLower(dockerfile, add) ? "copy" : "COPY";
        findings.add(
            finding(
                dockerfile.source(),
                add.keywordSpan(),
                "ADD "
                    + sources.get(0).value()
                    + (sources.size() > 1 ? " (and the other sources)" : "")
                    + " is a plain local copy: use COPY, which cannot download or unpack",
                Fix.of("Replace ADD with COPY", TextEdit.replace(add.keywordSpan(), copy))));
      }
    }
    return findings;
  }

  private static boolean plainLocal(Stage stage, Instruction add, Word w) {
    if (w.value().startsWith("<<")) {
      return true;
    }
    return stage
        .scope()
        .expand(w, add)
        .map(v -> !AddSources.remote(v) && !AddSources.mayBeArchive(v))
        .orElse(false);
  }

  private static boolean isLower(Dockerfile dockerfile, Instruction add) {
    return dockerfile.source().slice(add.keywordSpan()).equals("add");
  }
}
