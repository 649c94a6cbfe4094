package io.hullcheck.policy;

import static io.hullcheck.policy.TestCatalogue.APT_PIN;
import static io.hullcheck.policy.TestCatalogue.LATEST_TAG;
import static io.hullcheck.policy.TestCatalogue.ROOT_USER;
import static io.hullcheck.policy.TestCatalogue.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.rules.Registry;
import io.hullcheck.rules.RuleMeta;
import io.hullcheck.rules.Severity;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The built-in packs and how files inherit from them. */
class PacksTest {
  private static final Set<String> SEED =
      Set.of(
          "user",
          "image-tag",
          "docker-socket",
          "secrets",
          "port-exposure",
          "privileges",
          "host-namespace");
  private static final Set<String> META =
      Set.of("suppression-without-reason", "unused-suppression");

  @ParameterizedTest
  @ValueSource(strings = {"default", "strict", "minimal"})
  void everyPackLoadsAndNamesOnlyRulesThatExist(String pack) {
    // Packs are parsed against the real registry: an unknown rule id would throw here.
    Policy p = PolicyLoader.builtin(pack);
    assertTrue(p.includes("Dockerfile"));
    PolicyResult asUserFile = PolicyLoader.parse("policies/" + pack + ".yml", Packs.text(pack));
    assertTrue(asUserFile.ok(), asUserFile.errors().toString());
  }

  @Test
  void unknownPackIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> PolicyLoader.builtin("lenient"));
  }

  @Test
  void defaultRunsWhatTheCatalogueEnablesAtItsSeverity() {
    Policy p = PolicyLoader.builtin("default");
    for (RuleMeta m : Registry.catalogue()) {
      RuleSetting s = p.setting("Dockerfile", m);
      assertEquals(m.enabledByDefault(), s.enabled(), m.id());
      if (s.enabled()) {
        assertEquals(m.severity(), s.severity(), m.id());
      }
    }
    assertEquals(Severity.ERROR, p.failOn());
  }

  @Test
  void minimalRunsOnlyTheSeedSecurityChecksAndTheSuppressionChecks() {
    Policy p = PolicyLoader.builtin("minimal");
    for (RuleMeta m : Registry.catalogue()) {
      boolean expected =
          META.contains(m.id()) || (SEED.contains(m.category().id()) && m.enabledByDefault());
      assertEquals(expected, p.setting("Dockerfile", m).enabled(), m.id());
    }
  }

  @Test
  void strictRunsEverythingAtWarningOrAboveExceptWhatNeedsTheTeamsList() {
    Policy p = PolicyLoader.builtin("strict");
    for (RuleMeta m : Registry.catalogue()) {
      if (EffectivePolicy.REGISTRY_RULES.contains(m.id())) {
        assertFalse(p.setting("Dockerfile", m).enabled(), m.id());
        continue;
      }
      RuleSetting s = p.setting("Dockerfile", m);
      assertTrue(s.enabled(), m.id());
      assertTrue(s.severity().atLeast(Severity.WARNING), m.id());
      if (m.severity() == Severity.ERROR) {
        assertEquals(Severity.ERROR, s.severity(), m.id() + " is never lowered");
      }
    }
    assertEquals(Severity.WARNING, p.failOn());
  }

  @Test
  void trustedRegistriesInAFileTurnOnWhatStrictLeavesOff() {
    Policy p = policy("extends: strict\ntrusted_registries: [ghcr.io/acme]\n");
    assertEquals(
        Severity.ERROR, p.setting("x", TestCatalogue.byId("untrusted-registry")).severity());
  }

  @Test
  void aFileWithoutExtendsStartsFromDefault() {
    assertEquals(
        PolicyLoader.builtin("default").setting("x", APT_PIN),
        policy("fail_on: error").setting("x", APT_PIN));
  }

  @Test
  void aFileInheritsFromItsPackAndOverridesIt() {
    Policy p = policy("extends: minimal\nrules:\n  apt-pin: warning\n");
    assertEquals(Severity.WARNING, p.setting("x", APT_PIN).severity(), "own rule wins");
    assertTrue(p.setting("x", ROOT_USER).enabled(), "seed category stays on");
    assertFalse(p.setting("x", TestCatalogue.NO_HEALTHCHECK).enabled(), "minimal turned it off");
  }

  @Test
  void laterPacksWinOverEarlierOnes() {
    Policy p = policy("extends: [minimal, strict]");
    assertEquals(Severity.ERROR, p.setting("x", LATEST_TAG).severity());
    assertTrue(p.setting("x", TestCatalogue.NO_HEALTHCHECK).enabled());
    assertEquals(Severity.WARNING, p.failOn(), "scalar settings follow the same order");
    Policy q = policy("extends: [strict, minimal]");
    assertFalse(q.setting("x", TestCatalogue.NO_HEALTHCHECK).enabled());
    assertEquals(Severity.WARNING, q.failOn(), "minimal does not set fail_on, so strict's holds");
  }

  @Test
  void extendsNothingStartsFromTheCatalogue() {
    Policy p = policy("extends: []\nfail_on: never\n");
    assertTrue(p.setting("x", LATEST_TAG).enabled());
    assertFalse(p.setting("x", APT_PIN).enabled());
    assertNull(p.failOn());
  }
}
