package io.hullcheck.rules.compose;

import io.hullcheck.rules.ComposeRule;
import java.util.List;

/** Every compose rule, listed explicitly. */
public final class ComposeRules {
  private ComposeRules() {}

  public static List<ComposeRule> all() {
    return List.of(
        new ComposeUserRootRule(),
        new ComposeImageTagRule(),
        new ComposeSecretLiteralRule(),
        new ComposeDockerSocketRule(),
        new PortAllInterfacesRule(),
        new ComposeMemoryLimitRule(),
        new ComposeCpuLimitRule(),
        new ComposeHealthcheckMissingRule(),
        new HostNamespaceRule(),
        new LoggingDisabledRule(),
        new LogRotationMissingRule(),
        new PrivilegedRule(),
        new CapabilityDangerousRule(),
        new SecurityOptUnconfinedRule(),
        new ComposeUntrustedRegistry(),
        new NoNewPrivilegesMissingRule(),
        new PrivilegedHostPortRule(),
        new CgroupParentSetRule(),
        new ComposeVersionObsoleteRule(),
        new SensitiveHostMountRule(),
        new DuplicateContainerNameRule(),
        new MountPropagationRule(),
        new SharedHostPathRule(),
        new DuplicatePublishedPortRule(),
        new ComposePidsLimitRule(),
        new RestartUnboundedRule(),
        new BuildAndImageRule(),
        new ContainerNameInvalidRule(),
        new PortUnquotedRule(),
        new HostDeviceRule(),
        new ReadOnlyRootfsRule(),
        new ProjectNameMissingRule(),
        new VolumeQuotedRule(),
        new ComposeImageNotDigestPinnedRule(),
        new ServiceKeysOrderRule(),
        new ServicesOrderRule(),
        new TopLevelKeysOrderRule(),
        new DefaultBridgeNetworkRule());
  }
}
