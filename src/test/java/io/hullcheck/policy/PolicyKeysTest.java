package io.hullcheck.policy;

import static io.hullcheck.policy.TestCatalogue.APT_PIN;
import static io.hullcheck.policy.TestCatalogue.LATEST_TAG;
import static io.hullcheck.policy.TestCatalogue.ROOT_USER;
import static io.hullcheck.policy.TestCatalogue.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.rules.RuleMeta;
import io.hullcheck.rules.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each key of the policy file, read and applied. */
class PolicyKeysTest {

  /** "off" or the severity id of a rule for a path. */
  private static String state(Policy p, String path, RuleMeta rule) {
    return stateOf(p.setting(path, rule));
  }

  private static String stateOf(RuleSetting s) {
    return s.enabled() ? s.severity().id() : "off";
  }

  @Test
  void emptyFileIsTheDefaultPack() {
    Policy p = policy("");
    assertEquals("warning", state(p, "Dockerfile", LATEST_TAG));
    assertEquals("error", state(p, "Dockerfile", ROOT_USER));
    assertEquals("off", state(p, "Dockerfile", APT_PIN), "enabledByDefault=false stays off");
    assertEquals(Severity.ERROR, p.failOn());
    assertEquals(ReviewSettings.defaults(), p.review());
    assertTrue(p.requireReason());
    assertTrue(p.includes("any/Dockerfile"));
  }

  @Test
  void rulesTakeALevelOrSeverityAndOptions() {
    Policy p =
        policy(
            """
            rules:
              latest-tag: error
              root-user: off
              apt-pin: info
              capability-dangerous:
                options:
                  capabilities: [SYS_ADMIN]
              log-rotation-missing:
                severity: error
                options: {max_size: 10m, max_file: 3, require_logging: true}
            """);
    assertEquals("error", state(p, "Dockerfile", LATEST_TAG));
    assertEquals("off", state(p, "Dockerfile", ROOT_USER));
    assertEquals("info", state(p, "Dockerfile", APT_PIN));
    RuleMeta caps = TestCatalogue.byId("capability-dangerous");
    assertEquals("warning", state(p, "compose.yml", caps), "options alone keep the level");
    assertEquals(
        List.of("SYS_ADMIN"),
        p.setting("compose.yml", caps).options().getStringList("capabilities", List.of()));
    RuleSetting logs = p.setting("compose.yml", TestCatalogue.byId("log-rotation-missing"));
    assertEquals(Severity.ERROR, logs.severity());
    assertEquals("10m", logs.options().getString("max_size", null));
    assertEquals(3, logs.options().getInt("max_file", 0));
    assertTrue(logs.options().getBoolean("require_logging", false));
  }

  @Test
  void categoriesSetEveryRuleInThemAndRulesWinWithinAFile() {
    Policy p =
        policy(
            """
            categories:
              image-tag: off
              build-hygiene: warning
              user: info
            rules:
              root-user: error
            """);
    assertEquals("off", state(p, "Dockerfile", LATEST_TAG));
    assertEquals(
        "warning", state(p, "Dockerfile", APT_PIN), "a category turns on rules off by default");
    assertEquals("error", state(p, "Dockerfile", ROOT_USER), "the rule's own entry wins");
  }

  @Test
  void pathsIncludeAndExclude() {
    Policy p =
        policy(
            """
            paths:
              include: [services/**, compose*.yml]
              exclude: [services/legacy/**, "*.test.Dockerfile"]
            """);
    assertTrue(p.includes("services/api/Dockerfile"));
    assertTrue(p.includes("compose.prod.yml"));
    assertFalse(p.includes("tools/Dockerfile"), "not included");
    assertFalse(p.includes("services/legacy/Dockerfile"), "excluded");
    assertFalse(p.includes("services/api/unit.test.Dockerfile"), "excluded by basename");
  }

  @Test
  void overridesApplyInOrderAfterTheFileAndLaterOnesWin() {
    Policy p =
        policy(
            """
            rules:
              latest-tag: error
            overrides:
              - files: [examples/**]
                rules:
                  latest-tag: off
                  root-user: warning
              - files: [examples/keep/**]
                rules:
                  latest-tag: info
              - files: ["*.dev.Dockerfile"]
                categories:
                  user: off
            """);
    assertEquals("error", state(p, "Dockerfile", LATEST_TAG));
    assertEquals("off", state(p, "examples/a/Dockerfile", LATEST_TAG));
    assertEquals("info", state(p, "examples/keep/Dockerfile", LATEST_TAG), "later override wins");
    assertEquals("warning", state(p, "examples/keep/Dockerfile", ROOT_USER));
    assertEquals("off", state(p, "examples/x.dev.Dockerfile", ROOT_USER));
    assertEquals("error", state(p, "x.Dockerfile", ROOT_USER));
  }

  @Test
  void settingsForManyRulesAreEachRulesSetting() {
    Policy p =
        policy(
            """
            rules:
              latest-tag: error
            overrides:
              - files: [examples/**]
                rules:
                  latest-tag: off
                  root-user: warning
              - files: ["*.dev.Dockerfile"]
                categories:
                  user: off
            """);
    for (String path :
        List.of("Dockerfile", "examples/a/Dockerfile", "examples/x.dev.Dockerfile", "x.yml")) {
      List<RuleSetting> many = p.settings(path, TestCatalogue.ALL);
      assertEquals(TestCatalogue.ALL.size(), many.size(), path);
      for (int i = 0; i < many.size(); i++) {
        assertEquals(p.setting(path, TestCatalogue.ALL.get(i)), many.get(i), path);
      }
    }
    assertEquals(
        "off", stateOf(p.settings("examples/a/Dockerfile", List.of(LATEST_TAG, ROOT_USER)).get(0)));
    assertEquals(
        "warning",
        stateOf(p.settings("examples/a/Dockerfile", List.of(LATEST_TAG, ROOT_USER)).get(1)));
  }

  @Test
  void optionsMergeKeyByKeyAcrossLayers() {
    Policy p =
        policy(
            """
            rules:
              log-rotation-missing: {options: {drivers: [a], max_size: 5m}}
            overrides:
              - files: [dev/**]
                rules:
                  log-rotation-missing: {options: {drivers: [b]}}
            """);
    RuleMeta logs = TestCatalogue.byId("log-rotation-missing");
    Map<String, Object> dev = p.setting("dev/compose.yml", logs).options().asMap();
    assertEquals(Map.of("drivers", List.of("b"), "max_size", "5m"), dev);
  }

  @ParameterizedTest
  @CsvSource({"info, INFO", "warning, WARNING", "error, ERROR", "never,"})
  void failOn(String value, Severity expected) {
    assertEquals(expected, policy("fail_on: " + value).failOn());
  }

  @Test
  void review() {
    Policy p =
        policy(
            """
            review:
              max_comments: 5
              suggestions: false
              event: request_changes
              only_new: false
              drafts: review
            """);
    assertEquals(new ReviewSettings(5, false, "request_changes", false, "review"), p.review());
    assertEquals(
        new ReviewSettings(10, true, "comment", true, "skip"),
        policy("review: {max_comments: 10}").review(),
        "unset fields keep their defaults");
  }

  @Test
  void trustedRegistriesTurnOnBothRegistryRules() {
    Policy p = policy("trusted_registries: [ghcr.io/acme, docker.io/library]");
    for (String id : List.of("untrusted-registry", "compose-untrusted-registry")) {
      RuleSetting s = p.setting("x", TestCatalogue.byId(id));
      assertTrue(s.enabled(), id);
      assertEquals(
          List.of("ghcr.io/acme", "docker.io/library"),
          s.options().getStringList("registries", List.of()));
    }
    Policy off = policy("trusted_registries: [ghcr.io]\nrules:\n  untrusted-registry: off\n");
    assertFalse(off.setting("x", TestCatalogue.byId("untrusted-registry")).enabled());
    assertFalse(policy("").setting("x", TestCatalogue.byId("untrusted-registry")).enabled());
  }

  @Test
  void requireReason() {
    assertFalse(policy("require_reason: false").requireReason());
    assertTrue(policy("require_reason: true").requireReason());
  }

  @Test
  void hadolintConfigIsReadThroughTheRepository() {
    PolicyLoader.RepoFiles files =
        path ->
            path.equals("build/hadolint.yml")
                ? java.util.Optional.of("ignored:\n  - DL3008\n  - DL3007\nformat: tty\n")
                : java.util.Optional.empty();
    PolicyResult r =
        PolicyLoader.parse(
            ".hullcheck.yml",
            "hadolint:\n  config: build/hadolint.yml\n",
            files,
            TestCatalogue.ALL);
    assertTrue(r.ok(), r.errors().toString());
    assertEquals(Set.of("DL3008", "DL3007"), r.policy().hadolintIgnored());
  }

  @Test
  void hadolintOverridesRegistriesAndThresholdMigrateBelowTheTeamsFile() {
    String hadolint =
        """
        override:
          error: [DL3007]
          style: [DL3008]
        trustedRegistries: [ghcr.io/acme]
        failure-threshold: warning
        """;
    PolicyLoader.RepoFiles files =
        path ->
            path.equals(".hadolint.yaml")
                ? java.util.Optional.of(hadolint)
                : java.util.Optional.empty();
    Policy p = PolicyLoader.parse(".hullcheck.yml", "", files, TestCatalogue.ALL).policy();
    assertEquals("error", state(p, "Dockerfile", LATEST_TAG));
    assertEquals("info", state(p, "Dockerfile", APT_PIN), "style turns an off rule on at info");
    RuleSetting registry = p.setting("Dockerfile", TestCatalogue.byId("untrusted-registry"));
    assertTrue(registry.enabled());
    assertEquals(
        List.of("ghcr.io/acme"), registry.options().getStringList("registries", List.of()));
    assertEquals(Severity.WARNING, p.failOn());
    assertEquals(
        List.of("on by default at warning", ".hadolint.yaml:2:10 rules.latest-tag: error"),
        p.explain("Dockerfile", LATEST_TAG).subList(0, 2).stream()
            .map(s -> s.replace(" override.error DL3007", ""))
            .toList());

    Policy ours =
        PolicyLoader.parse(
                ".hullcheck.yml",
                "fail_on: error\nrules:\n  latest-tag: info\n",
                files,
                TestCatalogue.ALL)
            .policy();
    assertEquals("info", state(ours, "Dockerfile", LATEST_TAG), "the team's file wins");
    assertEquals(Severity.ERROR, ours.failOn());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "override: [DL3007]|.hadolint.yaml:1:11: `override` must map error, warning, info or"
            + " style to rule ids",
        "override: {fatal: [DL3007]}|.hadolint.yaml:1:12: unknown key `fatal` in `override`;"
            + " allowed: error, warning, info, style",
        "failure-threshold: high|.hadolint.yaml:1:20: `failure-threshold` must be one of error,"
            + " warning, info, style, ignore, none",
        "trustedRegistries: ghcr.io|.hadolint.yaml:1:20: `trustedRegistries` must be a list of"
            + " registries such as docker.io"
      })
  void brokenHadolintConfigIsAnErrorWithItsPosition(String text, String expected) {
    PolicyLoader.RepoFiles files =
        path ->
            path.equals(".hadolint.yaml")
                ? java.util.Optional.of(text + "\n")
                : java.util.Optional.empty();
    PolicyResult r = PolicyLoader.parse(".hullcheck.yml", "", files, TestCatalogue.ALL);
    assertEquals(List.of(expected), r.errors().stream().map(PolicyError::toString).toList());
  }

  @Test
  void hadolintDefaultLocationsAreTried() {
    PolicyLoader.RepoFiles files =
        path ->
            path.equals(".hadolint.yml")
                ? java.util.Optional.of("ignored: [DL3002]\n")
                : java.util.Optional.empty();
    PolicyResult r = PolicyLoader.parse(".hullcheck.yml", "", files, TestCatalogue.ALL);
    assertEquals(Set.of("DL3002"), r.policy().hadolintIgnored());
  }

  @Test
  void missingHadolintConfigIsAnErrorAtTheKey() {
    PolicyResult r =
        PolicyLoader.parse(
            ".hullcheck.yml",
            "hadolint:\n  config: nope.yaml\n",
            PolicyLoader.RepoFiles.none(),
            TestCatalogue.ALL);
    assertNull(r.policy());
    assertEquals(
        ".hullcheck.yml:2:11: `hadolint.config` names `nope.yaml`, which does not exist in the"
            + " repository",
        r.errors().get(0).toString());
  }

  @Test
  void explainNamesEachDecidingStep() {
    Policy p =
        policy(
            """
            extends: strict
            rules:
              latest-tag: info
            overrides:
              - files: [dev/**]
                rules:
                  latest-tag: off
            """);
    List<String> why = p.explain("dev/Dockerfile", LATEST_TAG);
    assertEquals("on by default at warning", why.get(0));
    assertTrue(
        why.get(1).matches("policies/strict\\.yml:\\d+:3 categories\\.image-tag: error"),
        why.get(1));
    assertEquals(".hullcheck.yml:3:3 rules.latest-tag: info", why.get(2));
    assertEquals(".hullcheck.yml:7:7 rules.latest-tag: off (override for dev/**)", why.get(3));
    assertEquals(4, why.size());
  }
}
