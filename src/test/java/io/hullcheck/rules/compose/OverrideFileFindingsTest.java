package io.hullcheck.rules.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.ProjectLoader;
import io.hullcheck.compose.ProjectText;
import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Options;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleData;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Regression: findings on values an override file writes in a service point into that file, say
 * what the merge did, and do not call the value "outside the service". One row per case: the
 * override's text, then each finding as {@code file:line}, a part of its message and its note.
 */
class OverrideFileFindingsTest {
  private static final String BASE =
      """
      services:
        web:
          image: acme/web:1.0.0
          ports:
            - "8080:80"
        api:
          image: acme/api:1.0.0
      """;

  static Stream<Arguments> cases() {
    return Stream.of(
        row(
            "a port the override adds to the same service",
            new DuplicatePublishedPortRule(),
            "services:\n  web:\n    ports:\n      - \"127.0.0.1:8080:80\"\n",
            "compose.override.yaml:4 | by this service (line 5 of compose.yaml), and Compose keeps"
                + " both ports, so the container fails | null"),
        row(
            "a port another service publishes in the override",
            new DuplicatePublishedPortRule(),
            "services:\n  api:\n    ports:\n      - \"8080:8080\"\n",
            "compose.override.yaml:4 | by service web (line 5 of compose.yaml), so one of the two"
                + " containers | null"),
        row(
            "a value the override writes in the service",
            new SecurityOptUnconfinedRule(),
            "services:\n  web:\n    security_opt:\n      - seccomp:unconfined\n",
            "compose.override.yaml:4 | turns off the seccomp | null"),
        row(
            "a container name the override gives a second service",
            new DuplicateContainerNameRule(),
            "services:\n  web:\n    container_name: app\n  api:\n    container_name: app\n",
            "compose.override.yaml:5 | which service web (line 2) already uses | null"),
        row(
            "a host path the override binds into a second service",
            new SharedHostPathRule(),
            "services:\n  web:\n    volumes:\n      - ./data:/data\n  api:\n    volumes:\n"
                + "      - ./data:/srv\n",
            "compose.override.yaml:7 | host path ./data writable, as service web | null"),
        row(
            "a security_opt list the override writes",
            new NoNewPrivilegesMissingRule(),
            "services:\n  web:\n    security_opt:\n      - label:type:svirt_apache_t\n"
                + "  api:\n    security_opt: [no-new-privileges:true]\n",
            "compose.yaml:2 | add no-new-privileges:true to its security_opt list unless | null"),
        row(
            "a value the override writes in an anchor",
            new SecurityOptUnconfinedRule(),
            "x-lax: &lax\n  - seccomp:unconfined\nservices:\n  web:\n    security_opt: *lax\n",
            "compose.override.yaml:2 | turns off the seccomp | The value is written at line 2 of"
                + " compose.override.yaml, outside the service, and used by web (line 2 of"
                + " compose.yaml); fix it there, or override the key in the service"));
  }

  private static Arguments row(String name, ComposeRule rule, String override, String expected) {
    return Arguments.of(Named.of(name, rule), override, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findingsPointIntoTheOverride(ComposeRule rule, String override, String expected) {
    Map<String, String> files = Map.of("compose.yaml", BASE, "compose.override.yaml", override);
    ComposeFile project =
        ProjectLoader.load(
            new SourceFile("compose.yaml", BASE), p -> Optional.ofNullable(files.get(p)), Map.of());
    List<Finding> findings =
        rule.check(project, new RuleContext(new Options(Map.of()), RuleData.empty()));
    assertEquals(1, findings.size(), findings.toString());
    Finding f = findings.get(0);
    ProjectText.Location at = project.layout().locate(f.span());
    String[] want = expected.split(" \\| ");
    assertEquals(want[0], at.path() + ":" + at.span().startLine());
    assertEquals(
        true, f.message().contains(want[1]), "message: " + f.message() + "\nwanted: " + want[1]);
    assertEquals(want[2], String.valueOf(f.note()));
  }
}
