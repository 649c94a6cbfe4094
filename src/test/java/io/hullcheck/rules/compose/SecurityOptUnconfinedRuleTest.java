package io.hullcheck.rules.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.ComposeLoader;
import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Options;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The message names the mechanism the option turns off, and only that one's alternative. */
class SecurityOptUnconfinedRuleTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "seccomp:unconfined     | seccomp system-call filter | custom profile   | AppArmor",
        "seccomp=unconfined     | seccomp system-call filter | custom profile   | SELinux",
        "apparmor:unconfined    | AppArmor confinement       | apparmor:PROFILE | seccomp",
        "apparmor=unconfined    | AppArmor confinement       | apparmor:PROFILE | seccomp",
        "label:disable          | SELinux labelling          | :z or :Z         | seccomp",
        "label=disable          | SELinux labelling          | label:type:TYPE  | AppArmor",
        "systempaths=unconfined | /proc and /sys             | remove it        | seccomp",
      })
  void speaksOfTheMechanismTurnedOff(String option, String what, String advice, String absent) {
    String yaml = "services:\n  web:\n    image: a:1\n    security_opt: [\"" + option + "\"]\n";
    ComposeFile compose = ComposeLoader.load(new SourceFile("c.yaml", yaml), Map.of());
    List<Finding> findings =
        new SecurityOptUnconfinedRule()
            .check(compose, new RuleContext(new Options(Map.of()), RuleData.empty()));
    assertEquals(1, findings.size());
    String message = findings.get(0).message();
    assertTrue(message.contains(what), message);
    assertTrue(message.contains(advice), message);
    assertFalse(message.contains(absent), message);
  }
}
