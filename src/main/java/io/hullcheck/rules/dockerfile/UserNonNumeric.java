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
import io.hullcheck.rules.support.Stages;
import java.util.List;
import java.util.Optional;

/**
 * The USER in effect for the shipped image names the user (or group) instead of giving a number.
 * Root is another rule's concern; a value with an unknown variable is not judged.
 */
@RuleInfo(
    id = "user-non-numeric",
    title = "USER is a name, not a UID",
    severity = Severity.INFO,
    target = Target.DOCKERFILE,
    category = Category.USER,
    rationale =
        "Kubernetes runAsNonRoot can only verify a numeric user; with a name it refuses to start"
            + " the pod unless runAsUser is also set. Off by default: plain Docker is unaffected.",
    hadolint = {"DL3066"},
    enabledByDefault = false)
public final class UserNonNumeric implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    Optional<Stage> last = dockerfile.finalStage();
    if (last.isEmpty()) {
      return List.of();
    }
    Optional<Instruction> user = Stages.lastInChain(last.get(), "USER");
    if (user.isEmpty() || user.get().args().isEmpty()) {
      return List.of();
    }
    Word w = user.get().args().get(0);
    Stage stage = dockerfile.stages().get(user.get().stageIndex());
    Optional<String> value = stage.scope().expand(w, user.get());
    if (value.isEmpty()) {
      return List.of();
    }
    String[] parts = value.get().split(":", 2);
    String name = parts[0];
    if (name.equals("root") || name.equals("0")) {
      return List.of();
    }
    boolean numeric = name.matches("[0-9]+") && (parts.length == 1 || parts[1].matches("[0-9]+"));
    if (numeric) {
      return List.of();
    }
    return List.of(
        finding(
            dockerfile.source(),
            w.span(),
            "USER "
                + value.get()
                + " names the user: write its numeric UID and GID (e.g. USER 10001:10001) so"
                + " runAsNonRoot can check it"));
  }
}
