package io.hullcheck.rules.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.ComposeLoader;
import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.RuleContext;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Layout cases of the edit helper, through the rules that use it: the text after applying every fix
 * the rule proposes (to a fixed point), one row per shape.
 */
class YamlEditsTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        row(
            "the only entry of an anchor becomes {}",
            new PrivilegedRule(),
            "x-p: &p\n  privileged: true\nservices:\n  a:\n    <<: *p\n    image: x:1\n",
            "x-p: &p\n  {}\nservices:\n  a:\n    <<: *p\n    image: x:1\n"),
        row(
            "a trailing comment on the deleted line goes with it",
            new HostNamespaceRule(),
            "services:\n  a:\n    image: x:1\n    pid: host # debug\n    init: true\n",
            "services:\n  a:\n    image: x:1\n    init: true\n"),
        row(
            "insertion after a block scalar keeps it whole",
            new ComposeMemoryLimitRule(),
            "services:\n  a:\n    image: x:1\n    command: |\n      run\n      more\n",
            "services:\n  a:\n    image: x:1\n    command: |\n      run\n      more\n"
                + "    deploy:\n      resources:\n        limits:\n          memory: 512M\n"),
        row(
            "insertion into a service that only merges",
            new ComposeMemoryLimitRule(),
            "x-b: &b\n  image: x:1\nservices:\n  a:\n    <<: *b\n",
            "x-b: &b\n  image: x:1\nservices:\n  a:\n    <<: *b\n"
                + "    deploy:\n      resources:\n        limits:\n          memory: 512M\n"),
        row(
            "an empty flow map gets its first entry",
            new ComposeMemoryLimitRule(),
            "services:\n  a:\n    image: x:1\n    deploy: {}\n",
            "services:\n  a:\n    image: x:1\n    deploy: {resources: {limits: {memory: 512M}}}\n"),
        row(
            "a list item in a flow sequence gets quotes for its braces",
            new ComposeSecretLiteralRule(),
            "services:\n  a:\n    image: x:1\n    environment: [API_TOKEN=abc123]\n",
            "services:\n  a:\n    image: x:1\n    environment:"
                + " [\"API_TOKEN=${API_TOKEN:?set API_TOKEN in the environment or .env}\"]\n"),
        row(
            "single quotes stay single, with the quote doubled",
            new PortAllInterfacesRule(),
            "services:\n  a:\n    image: x:1\n    ports: ['8080:80']\n",
            "services:\n  a:\n    image: x:1\n    ports: ['127.0.0.1:8080:80']\n"),
        row(
            "a plain integer port gets double quotes",
            new PortAllInterfacesRule(),
            "services:\n  a:\n    image: x:1\n    ports:\n    - 80\n",
            "services:\n  a:\n    image: x:1\n    ports:\n    - \"127.0.0.1::80\"\n"),
        row(
            "an anchor on the value is kept",
            new PortAllInterfacesRule(),
            "services:\n  a:\n    image: x:1\n    ports:\n      - &web \"8080:80\"\n",
            "services:\n  a:\n    image: x:1\n    ports:\n      - &web \"127.0.0.1:8080:80\"\n"),
        row(
            "the last item of a sequence removes the key",
            new SecurityOptUnconfinedRule(),
            "services:\n  a:\n    image: x:1\n    security_opt:\n    - seccomp=unconfined\n",
            "services:\n  a:\n    image: x:1\n"),
        row(
            "no final newline stays without one",
            new LogRotationMissingRule(),
            "services:\n  a:\n    image: x:1\n    logging:\n      driver: json-file",
            "services:\n  a:\n    image: x:1\n    logging:\n      driver: json-file\n"
                + "      options:\n        max-size: \"10m\"\n        max-file: \"3\""));
  }

  private static Arguments row(String name, ComposeRule rule, String before, String after) {
    return Arguments.of(Named.of(name, rule), before, after);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void fixesKeepLayout(ComposeRule rule, String before, String after) {
    String fixed = ComposeRulesFixtureTest.fixAll(rule, before);
    assertEquals(after, fixed);
    ComposeFile reloaded = ComposeLoader.load(new SourceFile("c.yaml", fixed), Map.of());
    assertEquals(java.util.List.of(), reloaded.problems());
    assertEquals(
        java.util.List.of(), rule.check(reloaded, RuleContext.defaults()), "nothing left to fix");
  }
}
