package io.hullcheck.policy;

import io.hullcheck.rules.Category;
import io.hullcheck.rules.Registry;
import io.hullcheck.rules.RuleMeta;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixed catalogue for policy tests: a few rules with known defaults and equivalents, plus the
 * real registry (meta and registry rules), so tests do not depend on which rules have landed.
 */
final class TestCatalogue {
  static final RuleMeta LATEST_TAG =
      meta("latest-tag", Severity.WARNING, Category.IMAGE_TAG, true, "DL3007", "DS-0001", "");
  static final RuleMeta ROOT_USER =
      meta("root-user", Severity.ERROR, Category.USER, true, "DL3002", "DS-0002", "CKV_DOCKER_3");
  static final RuleMeta PORT_ALL =
      meta("port-all-interfaces", Severity.WARNING, Category.PORT_EXPOSURE, true, "", "", "");
  static final RuleMeta APT_PIN =
      meta("apt-pin", Severity.INFO, Category.BUILD_HYGIENE, false, "DL3008", "", "");
  static final RuleMeta NO_HEALTHCHECK =
      meta(
          "no-healthcheck",
          Severity.INFO,
          Category.HEALTHCHECK,
          true,
          "DL3057",
          "DS-0026",
          "CKV_DOCKER_2");

  static final List<RuleMeta> ALL;

  static {
    List<RuleMeta> all =
        new ArrayList<>(List.of(LATEST_TAG, ROOT_USER, PORT_ALL, APT_PIN, NO_HEALTHCHECK));
    for (RuleMeta m : Registry.catalogue()) {
      if (all.stream().noneMatch(r -> r.id().equals(m.id()))) {
        all.add(m);
      }
    }
    ALL = List.copyOf(all);
  }

  private TestCatalogue() {}

  static RuleMeta byId(String id) {
    return ALL.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
  }

  private static RuleMeta meta(
      String id,
      Severity severity,
      Category category,
      boolean enabled,
      String hadolint,
      String trivy,
      String checkov) {
    Map<String, List<String>> eq = new LinkedHashMap<>();
    eq.put("hadolint", hadolint.isEmpty() ? List.of() : List.of(hadolint));
    eq.put("trivy", trivy.isEmpty() ? List.of() : List.of(trivy));
    eq.put("checkov", checkov.isEmpty() ? List.of() : List.of(checkov));
    return new RuleMeta(
        id,
        id.replace('-', ' '),
        severity,
        Target.DOCKERFILE,
        category,
        false,
        "test rule",
        enabled,
        eq);
  }

  /** Parses a policy against this catalogue. */
  static PolicyResult parse(String text) {
    return PolicyLoader.parse(".hullcheck.yml", text, PolicyLoader.RepoFiles.none(), ALL);
  }

  /** Parses a policy that must be valid. */
  static Policy policy(String text) {
    PolicyResult r = parse(text);
    if (!r.ok()) {
      throw new AssertionError("unexpected errors: " + r.errors());
    }
    return r.policy();
  }
}
