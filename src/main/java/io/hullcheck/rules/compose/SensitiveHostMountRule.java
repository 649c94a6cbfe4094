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
import java.util.Set;

/**
 * A bind mount of a host system directory ({@code /}, {@code /etc}, {@code /root}, {@code /proc}
 * ...) or of a host credential store ({@code /etc/shadow}, {@code /root/.ssh}, {@code
 * /var/lib/docker} ...), in short or long syntax, judged after interpolation. Read-only mounts of
 * the kernel and system trees ({@code /proc}, {@code /sys}, {@code /dev}, {@code /usr}, {@code
 * /var}, {@code /boot}, {@code /lib}) are what monitoring agents need and are exempt; a read-only
 * mount of a tree that holds secrets still counts. The engine socket and {@code /run} belong to
 * {@code compose-docker-socket}. No fix: the narrower path the service needs is not known.
 */
@RuleInfo(
    id = "sensitive-host-mount",
    title = "Service mounts a sensitive host directory",
    severity = Severity.WARNING,
    target = Target.COMPOSE,
    category = Category.PRIVILEGES,
    rationale =
        "A bind mount of a host system directory lets the container read the host's secrets or"
            + " change its configuration, binaries or kernel settings, which is a direct path"
            + " from the container to the host.",
    kics = "volume_has_sensitive_host_directory",
    cis = "5.6")
public final class SensitiveHostMountRule implements ComposeRule {
  /** System trees that are harmless to read (agents read them) but dangerous to write. */
  private static final Set<String> WRITE_SENSITIVE =
      Set.of(
          "/proc",
          "/sys",
          "/dev",
          "/usr",
          "/var",
          "/boot",
          "/lib",
          "/lib64",
          "/bin",
          "/sbin",
          "/opt",
          "/var/lib");

  /** Trees and files that hold the host's secrets: dangerous even read-only. */
  private static final Set<String> READ_SENSITIVE =
      Set.of(
          "/",
          "/etc",
          "/root",
          "/home",
          "/etc/shadow",
          "/etc/gshadow",
          "/etc/sudoers",
          "/etc/sudoers.d",
          "/etc/ssh",
          "/etc/docker",
          "/etc/kubernetes",
          "/root/.ssh",
          "/root/.docker",
          "/var/lib/docker",
          "/var/lib/kubelet",
          "/var/lib/containerd");

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    if (compose.root() == null) {
      return List.of();
    }
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
    String type = v.type() == null ? "bind" : v.type();
    if (v.source() == null || !type.equals("bind") || !v.source().strip().startsWith("/")) {
      return null;
    }
    String path = ComposeDockerSocketRule.normalize(v.source());
    if (READ_SENSITIVE.contains(path)) {
      return "Mounting the host's "
          + path
          + " gives the service the host's "
          + (path.equals("/") ? "whole filesystem" : "credentials and configuration")
          + (v.readOnly()
              ? " to read (read-only still exposes its secrets)"
              : " to read and change")
          + "; mount only the file or subdirectory it needs, read-only, or use a named volume";
    }
    if (WRITE_SENSITIVE.contains(path) && !v.readOnly()) {
      return "Mounting the host's "
          + path
          + " writable lets the service change host "
          + (path.equals("/proc") || path.equals("/sys") ? "kernel settings" : "system files")
          + "; mount it read-only (:ro), or only the subdirectory the service needs";
    }
    return null;
  }
}
