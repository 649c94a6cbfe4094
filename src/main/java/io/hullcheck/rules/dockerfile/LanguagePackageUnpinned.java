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
 * A language package installed by name without a version, in any stage: {@code pip install pkg}
 * (any version specifier counts: {@code ==}, {@code ~=}, {@code >=}, {@code <}), {@code npm
 * install}, {@code yarn add}, {@code pnpm add} of {@code pkg} or {@code pkg@latest}, {@code gem
 * install pkg} without {@code -v} or {@code pkg:1.2}, and {@code go install pkg@latest} or a
 * branch. Installs from lock or requirement files ({@code npm ci}, {@code pip install -r}), local
 * paths, archives and URLs are never reported, nor is a package given through a variable. One
 * finding per command, at its first unpinned package. Off by default: see the docs page.
 */
@RuleInfo(
    id = "language-package-unpinned",
    title = "Language package installed without a version",
    severity = Severity.INFO,
    target = Target.DOCKERFILE,
    category = Category.BUILD_HYGIENE,
    rationale =
        "A package installed by name alone takes whatever release is newest at build time, so a"
            + " breaking or compromised release reaches the image with no change to the"
            + " Dockerfile.",
    hadolint = {"DL3013", "DL3016", "DL3028", "DL3062"},
    kics = {
      "unpinned_package_version_in_pip_install",
      "npm_install_without_pinned_version",
      "gem_install_without_version"
    },
    enabledByDefault = false)
public final class LanguagePackageUnpinned implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    return PackagePins.unpinned(
        this,
        dockerfile,
        PackagePins::languageInstall,
        i ->
            i.manager()
                + " "
                + i.verb().value()
                + " takes the newest release of "
                + PackagePins.names(i)
                + " at build time; pin a version ("
                + example(i.manager())
                + ") or install from a lock file");
  }

  private static String example(String manager) {
    if (manager.startsWith("pip")) {
      return "flask==3.0.3";
    }
    return switch (manager) {
      case "gem" -> "bundler:2.5.16 or -v 2.5.16";
      case "go" -> "example.com/tool@v1.4.2";
      default -> "typescript@5.6.2";
    };
  }
}
