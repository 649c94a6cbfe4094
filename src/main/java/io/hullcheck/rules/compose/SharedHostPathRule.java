package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.Service.VolumeMount;
import io.hullcheck.compose.YMap;
import io.hullcheck.model.Span;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One host path bind-mounted writable by two or more services. Read-only consumers are fine (one
 * writer, many readers is the usual way to hand files over), so only the writable mounts after the
 * first service's are reported, each naming it. Paths are compared after interpolation, with {@code
 * ./} and trailing slashes dropped; unknown paths are exempt, and the Docker socket is left to
 * {@code compose-docker-socket}. No fix: which service should write is the team's choice.
 */
@RuleInfo(
    id = "shared-host-path",
    title = "Several services write to the same host path",
    severity = Severity.INFO,
    target = Target.COMPOSE,
    category = Category.HOST_NAMESPACE,
    rationale =
        "When two services can write to the same host directory, a compromise of one can plant"
            + " files that the other reads or runs, and the two can corrupt each other's data.",
    kics = "shared_volumes_between_containers")
public final class SharedHostPathRule implements ComposeRule {
  private static final Set<String> SOCKETS = Set.of("/var/run/docker.sock", "/run/docker.sock");

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    if (compose.root() == null) {
      return List.of();
    }
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    Map<String, Service> firstWriter = new HashMap<>();
    List<Finding> out = new ArrayList<>();
    for (Service s : compose.services()) {
      for (VolumeMount v : s.volumes()) {
        String path = hostPath(v);
        if (path == null || v.readOnly() || SOCKETS.contains(path)) {
          continue;
        }
        Service first = firstWriter.putIfAbsent(path, s);
        if (first == null || first == s) {
          continue;
        }
        boolean own = ValueFindings.writtenIn(compose, s, v.node().span());
        out.add(
            finding(
                compose.source(),
                own ? where(edits, v) : s.nameSpan(),
                "Service "
                    + s.name()
                    + " mounts host path "
                    + v.source()
                    + " writable, as service "
                    + first.name()
                    + " (line "
                    + first.nameSpan().startLine()
                    + ") does; give each service its own directory, or mount it read-only (:ro)"
                    + " where the service only reads it"));
      }
    }
    return out;
  }

  /** The short-syntax item, or the long syntax's {@code source} entry. */
  private static Span where(YamlEdits edits, VolumeMount v) {
    if (v.node() instanceof YMap m && m.entry("source").isPresent()) {
      return edits.written(m.entry("source").get());
    }
    return edits.tight(v.node());
  }

  /** The host path of a bind mount, normalised for comparison; null when not a known bind. */
  private static String hostPath(VolumeMount v) {
    if (!"bind".equals(v.type()) || v.source() == null || v.source().isBlank()) {
      return null;
    }
    String p = v.source().strip();
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.isEmpty() ? "." : p;
  }
}
