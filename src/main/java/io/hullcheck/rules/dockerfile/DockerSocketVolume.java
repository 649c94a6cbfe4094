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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A VOLUME for a container-engine socket in the image that ships: the final stage and the stages it
 * builds FROM (a builder's VOLUME never reaches the image). Shell and JSON forms; values are
 * expanded and an unknown one is skipped. A socket is recognised by its file name, so Docker's
 * {@code /var/run/docker.sock}, rootless {@code /run/user/1000/docker.sock}, podman, containerd and
 * CRI-O sockets all count, and so does Docker's Windows named pipe {@code \\.\pipe\docker_engine}.
 */
@RuleInfo(
    id = "docker-socket-volume",
    title = "Image declares a volume for the container engine socket",
    severity = Severity.ERROR,
    target = Target.DOCKERFILE,
    category = Category.DOCKER_SOCKET,
    rationale =
        "Whoever can talk to the engine socket can start a privileged container and own the host;"
            + " declaring it as a VOLUME invites every user of the image to mount it.",
    cis = {"5.32"})
public final class DockerSocketVolume implements DockerfileRule {
  private static final Set<String> SOCKETS =
      Set.of(
          "docker.sock",
          "podman.sock",
          "containerd.sock",
          "crio.sock",
          "dockershim.sock",
          "docker_engine");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    Optional<Stage> last = dockerfile.finalStage();
    if (last.isEmpty()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : Stages.chain(last.get())) {
      for (Instruction volume : stage.all("VOLUME")) {
        for (Word w : volume.args()) {
          Optional<String> path = stage.scope().expand(w, volume);
          if (path.isPresent() && isSocket(path.get())) {
            findings.add(
                finding(
                    dockerfile.source(),
                    w.span(),
                    "VOLUME "
                        + path.get()
                        + " is the container engine's socket: a container with"
                        + " it mounted controls the host; remove it, and if the app needs the"
                        + " engine API, give it a filtering socket proxy with read-only endpoints"));
          }
        }
      }
    }
    return findings;
  }

  static boolean isSocket(String path) {
    String p = path.trim().replace('\\', '/');
    while (p.endsWith("/") && p.length() > 1) {
      p = p.substring(0, p.length() - 1);
    }
    int slash = p.lastIndexOf('/');
    return SOCKETS.contains(slash < 0 ? p : p.substring(slash + 1));
  }
}
