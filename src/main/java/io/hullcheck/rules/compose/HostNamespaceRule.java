package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A service that shares one of the host's namespaces, one finding per key. */
@RuleInfo(
    id = "host-namespace",
    title = "Service shares a host namespace",
    severity = Severity.WARNING,
    target = Target.COMPOSE,
    category = Category.HOST_NAMESPACE,
    fixable = true,
    rationale =
        "Sharing the host's network, process, IPC, UTS or user namespace removes a layer of"
            + " isolation: the container can reach host-only services, signal or inspect host"
            + " processes, read shared memory, or map its root to the host's.",
    kics = {
      "shared_host_network_namespace",
      "host_namespace_is_shared",
      "shared_host_ipc_namespace",
      "shared_host_user_namespace"
    },
    cis = {"5.10", "5.16", "5.17", "5.21", "5.31"})
public final class HostNamespaceRule implements ComposeRule {

  /** The keys, in the order findings are reported, and what sharing each gives away. */
  private static final Map<String, String> KEYS =
      Map.of(
          "network_mode",
          "network_mode: host puts the service on the host's network stack: every port it opens"
              + " is open on the host and it can reach services bound to the host's loopback;"
              + " remove it and publish only the ports needed, on 127.0.0.1"
              + " (\"127.0.0.1:8080:8080\")",
          "pid",
          "pid: host lets the service see and signal every process on the host; remove it",
          "ipc",
          "ipc: host shares the host's IPC namespace and shared memory with the service; remove"
              + " it (or use ipc: private)",
          "uts",
          "uts: host shares the host's hostname and domain name, and lets the service change"
              + " them; remove it",
          "userns_mode",
          "userns_mode: host turns off user-namespace remapping for the service, so its root is"
              + " the host's root; remove it");

  private static final List<String> ORDER =
      List.of("network_mode", "pid", "ipc", "uts", "userns_mode");

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (String key : ORDER) {
      out.addAll(
          RemovableKey.find(
              this,
              compose,
              context,
              key,
              v -> "host".equals(v.value()),
              v -> KEYS.get(key),
              "Remove " + key + ": host"));
    }
    return out;
  }
}
