package io.hullcheck.rules.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.ComposeLoader;
import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Options;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleData;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule option changes what is found or what the fix writes, one row per case. */
class ComposeRuleOptionsTest {

  static Stream<Arguments> cases() {
    String untagged = "services:\n  web:\n    image: nginx:stable\n";
    String caps = "services:\n  web:\n    image: a:1\n    cap_add: [NET_RAW, SYS_ADMIN]\n";
    String local = "services:\n  web:\n    image: a:1\n    logging:\n      driver: local\n";
    String bare = "services:\n  web:\n    image: a:1\n";
    return Stream.of(
        row("floating tag by default", new ComposeImageTagRule(), Map.of(), untagged, 3, null),
        row(
            "floating_tags replaces the list",
            new ComposeImageTagRule(),
            Map.of("floating_tags", List.of("latest")),
            untagged,
            0,
            null),
        row(
            "capabilities replaces the list",
            new CapabilityDangerousRule(),
            Map.of("capabilities", List.of("net_raw")),
            caps,
            4,
            null),
        row("local rotates by default", new LogRotationMissingRule(), Map.of(), local, 0, null),
        row(
            "drivers can require max-size for local",
            new LogRotationMissingRule(),
            Map.of("drivers", List.of("json-file", "local")),
            local,
            5,
            "services:\n  web:\n    image: a:1\n    logging:\n      driver: local\n"
                + "      options:\n        max-size: \"10m\"\n        max-file: \"3\"\n"),
        row("no logging block by default", new LogRotationMissingRule(), Map.of(), bare, 0, null),
        row(
            "image before ports by default",
            new ServiceKeysOrderRule(),
            Map.of(),
            "services:\n  web:\n    ports: [\"8080:80\"]\n    image: a:1\n",
            4,
            null),
        row(
            "order replaces the key order",
            new ServiceKeysOrderRule(),
            Map.of("order", List.of("ports", "image")),
            "services:\n  web:\n    ports: [\"8080:80\"]\n    image: a:1\n",
            0,
            null),
        row(
            "require_logging reports and fixes a service without logging",
            new LogRotationMissingRule(),
            Map.of("require_logging", true, "max_size", "20m"),
            bare,
            2,
            "services:\n  web:\n    image: a:1\n    logging:\n      driver: json-file\n"
                + "      options:\n        max-size: \"20m\"\n        max-file: \"3\"\n"),
        row(
            "memory option is what the fix writes",
            new ComposeMemoryLimitRule(),
            Map.of("memory", "1G"),
            bare,
            2,
            "services:\n  web:\n    image: a:1\n    deploy:\n      resources:\n        limits:\n"
                + "          memory: 1G\n"),
        row(
            "cpus option is what the fix writes",
            new ComposeCpuLimitRule(),
            Map.of("cpus", "2"),
            bare,
            2,
            "services:\n  web:\n    image: a:1\n    deploy:\n      resources:\n        limits:\n"
                + "          cpus: \"2\"\n"),
        row(
            "pids option is what the fix writes, as a number",
            new ComposePidsLimitRule(),
            Map.of("pids", 500),
            bare,
            2,
            "services:\n  web:\n    image: a:1\n    deploy:\n      resources:\n        limits:\n"
                + "          pids: 500\n"),
        row(
            "exceptions exempt a service from build-and-image",
            new BuildAndImageRule(),
            Map.of("exceptions", List.of("web")),
            "services:\n  web:\n    build: .\n    image: a:1\n",
            0,
            null),
        row(
            "all_unquoted reports and quotes a port with no base-60 trap",
            new PortUnquotedRule(),
            Map.of("all_unquoted", true),
            "services:\n  web:\n    image: a:1\n    ports:\n      - 8080:80\n",
            5,
            "services:\n  web:\n    image: a:1\n    ports:\n      - \"8080:80\"\n"),
        row(
            "name_patterns replaces the secret names",
            new ComposeSecretLiteralRule(),
            Map.of("name_patterns", List.of("PIN")),
            "services:\n  web:\n    image: a:1\n    environment:\n      PIN: \"1234\"\n"
                + "      PASSWORD: hunter2\n",
            5,
            null));
  }

  private static Arguments row(
      String name,
      ComposeRule rule,
      Map<String, Object> options,
      String yaml,
      int line,
      String fixed) {
    return Arguments.of(Named.of(name, rule), options, yaml, line, fixed);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void option(ComposeRule rule, Map<String, Object> options, String yaml, int line, String fixed) {
    RuleContext context = new RuleContext(new Options(options), RuleData.empty());
    ComposeFile compose = ComposeLoader.load(new SourceFile("c.yaml", yaml), Map.of());
    List<Finding> findings = rule.check(compose, context);
    if (line == 0) {
      assertEquals(List.of(), findings);
      return;
    }
    assertEquals(1, findings.size(), () -> findings.toString());
    assertEquals(line, findings.get(0).span().startLine());
    if (fixed != null) {
      assertEquals(fixed, findings.get(0).fix().applyTo(yaml));
    }
  }
}
