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
import io.hullcheck.rules.support.Secrets;
import io.hullcheck.rules.support.Stages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * COPY or ADD of a secret file ({@link Secrets#secretFileKind}) into the image that ships: the
 * final stage and the stages it builds FROM. A builder stage that is not in that chain is exempt:
 * its layers are not in the image, and copying a registry config there is the older accepted
 * pattern. {@code COPY --from} counts too: whatever stage or image the file comes from, it now sits
 * in a shipped layer. Sources are expanded with the stage's variables; an unknown one is skipped.
 * URL sources of ADD are skipped.
 */
@RuleInfo(
    id = "secret-file-copied",
    title = "Secret file copied into the image",
    severity = Severity.ERROR,
    target = Target.DOCKERFILE,
    category = Category.SECRETS,
    rationale =
        "A file copied into a layer stays in the image even if a later step deletes it, so keys"
            + " and credential files reach everyone who can pull the image.",
    trivy = {"DS-0031"},
    cis = {"4.10"})
public final class SecretFileCopied implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    Optional<Stage> last = dockerfile.finalStage();
    if (last.isEmpty()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : Stages.chain(last.get())) {
      for (Instruction ins : stage.instructions()) {
        if (!ins.is("COPY") && !ins.is("ADD")) {
          continue;
        }
        List<Word> args = ins.args();
        for (Word source : args.subList(0, Math.max(0, args.size() - 1))) {
          String value = source.value();
          if (value.startsWith("<<") || value.contains("://") || value.startsWith("git@")) {
            continue;
          }
          Optional<String> path = stage.scope().expand(value, ins);
          String kind = path.map(Secrets::secretFileKind).orElse(null);
          if (kind == null) {
            continue;
          }
          findings.add(
              finding(
                  dockerfile.source(),
                  source.span(),
                  ins.keyword()
                      + " puts "
                      + path.get()
                      + " ("
                      + kind
                      + ") into an image layer, where it stays for everyone who pulls the image;"
                      + " use RUN --mount=type=secret,id=...,target=... for build steps that need"
                      + " it, and list it in .dockerignore"));
        }
      }
    }
    return findings;
  }
}
