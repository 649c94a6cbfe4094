package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.List;

/**
 * An operating-system package installed without a version, in any stage: {@code apt-get}/{@code apt
 * install pkg} (pin {@code pkg=1.2-3}), {@code apk add pkg} ({@code pkg=1.2-r0}, {@code ~}, {@code
 * <}, {@code >}), yum/dnf/microdnf/tdnf {@code install pkg} ({@code pkg-1.2}) and {@code zypper
 * install pkg} ({@code pkg=1.2}, {@code pkg-1.2}). Operands are read by {@link PackagePins}:
 * packages given through a variable, local package files, paths and groups are never reported. One
 * finding per command, at its first unpinned package. Off by default: see the docs page.
 */
@RuleInfo(
    id = "os-package-unpinned",
    title = "System package installed without a version",
    severity = Severity.INFO,
    target = Target.DOCKERFILE,
    category = Category.BUILD_HYGIENE,
    rationale =
        "Without a version each build installs whatever the mirror has that day, so two builds of"
            + " one commit can differ; but distributions drop old versions, so pins also break"
            + " builds. Off by default for that reason.",
    hadolint = {"DL3008", "DL3018", "DL3033", "DL3037", "DL3041"},
    kics = {
      "apt_get_install_pin_version_not_defined",
      "unpinned_package_version_in_apk_add",
      "yum_install_without_version",
      "zypper_install_without_version",
      "missing_version_specification_in_dnf_install"
    },
    enabledByDefault = false)
public final class OsPackageUnpinned implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    return PackagePins.unpinned(
        this,
        dockerfile,
        PackagePins::osInstall,
        i ->
            i.manager()
                + " installs "
                + PackagePins.names(i)
                + " without a version, so each build takes whatever the mirror has then;"
                + " pin the version the image was tested with ("
                + example(i.manager())
                + "), and rebuild to update it");
  }

  private static String example(String manager) {
    return switch (manager) {
      case "apk" -> "curl=8.9.1-r0";
      case "zypper", "apt-get", "apt", "xx-apt-get", "xx-apt" -> "curl=<version>";
      default -> "curl-<version>";
    };
  }
}
