package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.Service.VolumeMount;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A bind mount of a container engine's API socket (Docker, Podman, containerd, CRI-O, the Windows
 * Docker pipe), or of the {@code /run} directory that holds it. Sources are judged after
 * interpolation, so {@code ${SOCK:-/var/run/docker.sock}} counts; unknown sources are exempt. No
 * fix: whether the service can work without the API is a design decision.
 */
@RuleInfo(
    id = "compose-docker-socket",
    title = "Service mounts the container engine's socket",
    severity = Severity.ERROR,
    target = Target.COMPOSE,
    category = Category.DOCKER_SOCKET,
    rationale =
        "Whoever can talk to the Docker API can start a privileged container that mounts the"
            + " host's root filesystem, so a mounted socket hands the host to the service and to"
            + " anyone who compromises it.",
    kics = "docker_socket_mounted_in_container",
    cis = "5.32")
public final class ComposeDockerSocketRule implements ComposeRule {
  /** File names of engine API sockets; matched on the last path component. */
  private static final Set<String> SOCKETS =
      Set.of(
          "docker.sock",
          "podman.sock",
          "containerd.sock",
          "crio.sock",
          "cri-dockerd.sock",
          "dockershim.sock",
          "docker_engine");

  /** Directories that hold the Docker socket on Linux hosts; mounting them mounts it. */
  private static final Set<String> SOCKET_DIRS = Set.of("/var/run", "/run", "/var/run/docker");

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    ValueFindings found = new ValueFindings(this, compose, context);
    for (Service s : compose.services()) {
      for (VolumeMount v : s.volumes()) {
        String message = message(v);
        if (message != null) {
          found.add(s, "volumes", edits.tight(v.node()), message, null);
        }
      }
    }
    return found.findings();
  }

  private static String message(VolumeMount v) {
    if (v.source() == null || !isHostPath(v)) {
      return null;
    }
    String path = normalize(v.source());
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    String advice =
        "; remove it, or if the service truly needs the API, give it a filtering socket proxy"
            + " that allows only the calls it makes (:ro does not make the API read-only)";
    if (SOCKETS.contains(name)) {
      return "Mounting " + v.source() + " gives the service full control of the host" + advice;
    }
    if (SOCKET_DIRS.contains(path)) {
      return "Mounting "
          + v.source()
          + " exposes the Docker socket inside it, which gives the service full control of the"
          + " host"
          + advice;
    }
    return null;
  }

  /** Binds and pipes have a host path as source; named volumes and tmpfs do not. */
  private static boolean isHostPath(VolumeMount v) {
    String type = v.type() == null ? "bind" : v.type();
    return type.equals("bind") || type.equals("npipe");
  }

  /** Forward slashes, no repeated or trailing slashes: {@code //var/run/} is {@code /var/run}. */
  static String normalize(String source) {
    String p = source.strip().replace('\\', '/');
    while (p.contains("//") && !p.startsWith("//./")) {
      p = p.replace("//", "/");
    }
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
