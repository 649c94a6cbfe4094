package io.hullcheck.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of mistake in a policy file becomes an error naming the file, line and column, the
 * allowed values, and the nearest valid name; a broken file never yields a policy.
 */
class PolicyErrorsTest {

  static Stream<Arguments> broken() {
    return Stream.of(
        Arguments.of(
            "unknown top-level key",
            "extends: default\nrule:\n  latest-tag: off\n",
            ".hullcheck.yml:2:1: unknown key `rule` in a policy file; allowed: extends, rules,"
                + " categories, paths, overrides, fail_on, review, trusted_registries,"
                + " require_reason, hadolint; did you mean `rules`?"),
        Arguments.of(
            "unknown rule id",
            "rules:\n  latest-tags: error\n",
            ".hullcheck.yml:2:3: unknown rule `latest-tags`; did you mean `latest-tag`?"
                + " (`hullcheck rules` lists them)"),
        Arguments.of(
            "unknown severity",
            "rules:\n  latest-tag: eror\n",
            ".hullcheck.yml:2:15: the severity of rule `latest-tag` must be one of off, info,"
                + " warning, error, found string `eror`; did you mean `error`?"),
        Arguments.of(
            "severity in an object",
            "rules:\n  latest-tag:\n    severity: high\n",
            ".hullcheck.yml:3:15: the severity of rule `latest-tag` must be one of off, info,"
                + " warning, error, found string `high`"),
        Arguments.of(
            "unknown key in a rule object",
            "rules:\n  latest-tag:\n    option: {a: 1}\n",
            ".hullcheck.yml:3:5: unknown key `option` in rule `latest-tag`; allowed: severity,"
                + " options; did you mean `options`?"),
        Arguments.of(
            "options not a mapping",
            "rules:\n  latest-tag: {options: [a]}\n",
            ".hullcheck.yml:2:25: the options of rule `latest-tag` must be a mapping, found a"
                + " list"),
        Arguments.of(
            "rule value of the wrong type",
            "rules:\n  latest-tag: 3\n",
            ".hullcheck.yml:2:15: the severity of rule `latest-tag` must be one of off, info,"
                + " warning, error, found number `3`"),
        Arguments.of(
            "rule value a list",
            "rules:\n  latest-tag: [error]\n",
            ".hullcheck.yml:2:15: rule `latest-tag` must be off|info|warning|error or a mapping"
                + " with `severity` and `options`, found a list"),
        Arguments.of(
            "boolean is not a level",
            "rules:\n  latest-tag: false\n",
            ".hullcheck.yml:2:15: the severity of rule `latest-tag` must be one of off, info,"
                + " warning, error, found boolean `false`"),
        Arguments.of(
            "unknown category",
            "categories:\n  image-tags: off\n",
            ".hullcheck.yml:2:3: unknown key `image-tags` in `categories`; allowed: user,"
                + " image-tag, docker-socket, secrets, port-exposure, resource-limits,"
                + " base-image, healthcheck, host-namespace, logging, privileges, supply-chain,"
                + " build-hygiene, correctness, style; did you mean `image-tag`?"),
        Arguments.of(
            "unknown pack",
            "extends: strikt\n",
            ".hullcheck.yml:1:10: `extends` must be one of default, strict, minimal, found"
                + " string `strikt`; did you mean `strict`?"),
        Arguments.of(
            "unknown pack in a list",
            "extends:\n  - default\n  - minimum\n",
            ".hullcheck.yml:3:5: `extends` must be one of default, strict, minimal, found"
                + " string `minimum`; did you mean `minimal`?"),
        Arguments.of(
            "fail_on value",
            "fail_on: warnings\n",
            ".hullcheck.yml:1:10: `fail_on` must be one of info, warning, error, never, found"
                + " string `warnings`; did you mean `warning`?"),
        Arguments.of(
            "review key",
            "review:\n  max_comment: 3\n",
            ".hullcheck.yml:2:3: unknown key `max_comment` in `review`; allowed: max_comments,"
                + " suggestions, event, only_new, drafts; did you mean `max_comments`?"),
        Arguments.of(
            "review type",
            "review:\n  max_comments: ten\n",
            ".hullcheck.yml:2:17: `review.max_comments` must be a whole number of 0 or more,"
                + " found string `ten`"),
        Arguments.of(
            "negative count",
            "review:\n  max_comments: -1\n",
            ".hullcheck.yml:2:17: `review.max_comments` must be a whole number of 0 or more,"
                + " found number `-1`"),
        Arguments.of(
            "review boolean",
            "review:\n  suggestions: sometimes\n",
            ".hullcheck.yml:2:16: `review.suggestions` must be true or false, found string"
                + " `sometimes`"),
        Arguments.of(
            "review event",
            "review:\n  event: approve\n",
            ".hullcheck.yml:2:10: `review.event` must be one of comment, request_changes, found"
                + " string `approve`"),
        Arguments.of(
            "review drafts",
            "review:\n  drafts: skipp\n",
            ".hullcheck.yml:2:11: `review.drafts` must be one of skip, review, found string"
                + " `skipp`; did you mean `skip`?"),
        Arguments.of(
            "paths key",
            "paths:\n  exclude: [a]\n  includes: [b]\n",
            ".hullcheck.yml:3:3: unknown key `includes` in `paths`; allowed: include, exclude;"
                + " did you mean `include`?"),
        Arguments.of(
            "paths not a list",
            "paths:\n  exclude: vendor/**\n",
            ".hullcheck.yml:2:12: `paths.exclude` must be a list of globs, found string"
                + " `vendor/**`"),
        Arguments.of(
            "bad glob",
            "paths:\n  exclude: [\"a**\"]\n",
            ".hullcheck.yml:2:13: bad glob `a**`: `**` must be a whole path segment (as in"
                + " `a/**/b`), found in `a**`"),
        Arguments.of(
            "override without files",
            "overrides:\n  - rules: {latest-tag: off}\n",
            ".hullcheck.yml:2:5: `overrides[0]` needs `files`: a list of globs saying which"
                + " files it applies to"),
        Arguments.of(
            "override key",
            "overrides:\n  - files: [a]\n    rule: {latest-tag: off}\n",
            ".hullcheck.yml:3:5: unknown key `rule` in `overrides[0]`; allowed: files, rules,"
                + " categories; did you mean `rules`?"),
        Arguments.of(
            "unknown rule in an override",
            "overrides:\n  - files: [a]\n    rules:\n      root-usr: off\n",
            ".hullcheck.yml:4:7: unknown rule `root-usr`; did you mean `root-user`?"
                + " (`hullcheck rules` lists them)"),
        Arguments.of(
            "overrides not a list",
            "overrides:\n  files: [a]\n",
            ".hullcheck.yml:2:3: `overrides` must be a list of mappings with `files` and"
                + " `rules`, found a mapping"),
        Arguments.of(
            "override files a string",
            "overrides:\n  - files: \"legacy/**\"\n    rules: {user-root: off}\n",
            ".hullcheck.yml:2:12: `overrides[0]`.files must be a list of globs, found string"
                + " `legacy/**`"),
        Arguments.of(
            "override files empty",
            "overrides:\n  - files: []\n    rules: {user-root: off}\n",
            ".hullcheck.yml:2:5: `overrides[0]`.files must list at least one glob"),
        Arguments.of(
            "trusted_registries type",
            "trusted_registries: ghcr.io\n",
            ".hullcheck.yml:1:21: `trusted_registries` must be a list of strings, found string"
                + " `ghcr.io`"),
        Arguments.of(
            "require_reason type",
            "require_reason: yes\n",
            ".hullcheck.yml:1:17: `require_reason` must be true or false, found string `yes`"),
        Arguments.of(
            "hadolint key",
            "hadolint:\n  file: .hadolint.yaml\n",
            ".hullcheck.yml:2:3: unknown key `file` in `hadolint`; allowed: config"),
        Arguments.of(
            "duplicate key",
            "fail_on: error\nrules: {}\nfail_on: never\n",
            ".hullcheck.yml:3:1: duplicate key `fail_on` in a policy file (first written at"
                + " line 1)"),
        Arguments.of(
            "not a mapping",
            "- rules\n",
            ".hullcheck.yml:1:1: a policy file must be a mapping of keys such as `extends` and"
                + " `rules`, found a list"),
        Arguments.of(
            "broken YAML",
            "rules:\n  latest-tag: [error\n",
            ".hullcheck.yml:3:1: not valid YAML: expected ',' or ']', but got <stream end>"),
        Arguments.of(
            "unquoted star glob",
            "paths:\n  exclude:\n    - docs/**\n    - *.yml\n",
            ".hullcheck.yml:4:8: not valid YAML: unexpected character found .(46)" + QUOTE_HINT),
        Arguments.of(
            "unquoted brace glob in a flow list",
            "paths:\n  exclude: [docs/**, {a,b}/x]\n",
            ".hullcheck.yml:2:27: not valid YAML: expected ',' or ']', but got <scalar>"
                + QUOTE_HINT),
        Arguments.of(
            "unquoted star glob in overrides",
            "overrides:\n  - files: *test\n    rules: {}\n",
            ".hullcheck.yml:2:12: not valid YAML: found undefined alias test" + QUOTE_HINT));
  }

  private static final String QUOTE_HINT =
      "; a glob that starts with * or { must be quoted, e.g. '*.yml', because YAML reads a leading"
          + " * as an alias and a leading { as a mapping";

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void brokenFileGivesOnePositionedError(String name, String yaml, String expected) {
    PolicyResult r = TestCatalogue.parse(yaml);
    assertFalse(r.ok(), name);
    assertNull(r.policy(), "a broken file never falls back to defaults");
    assertEquals(List.of(expected), r.errors().stream().map(PolicyError::toString).toList());
  }

  /** Mistakes only the walk can see: rule ids, duplicates, glob syntax, YAML itself. */
  private static final java.util.Set<String> WALK_ONLY =
      java.util.Set.of(
          "unknown rule id",
          "unknown rule in an override",
          "duplicate key",
          "bad glob",
          "broken YAML",
          "unquoted star glob",
          "unquoted brace glob in a flow list",
          "unquoted star glob in overrides");

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void theSchemaAloneRejectsWhatItCanExpress(String name, String yaml, String expected) {
    if (WALK_ONLY.contains(name)) {
      return;
    }
    assertFalse(PolicyParser.schemaViolations(yaml).isEmpty(), name);
  }

  @Test
  void packsAndValidFilesHaveNoSchemaViolations() {
    for (String pack : PolicyLoader.PACKS) {
      assertEquals(List.of(), PolicyParser.schemaViolations(Packs.text(pack)), pack);
    }
    assertEquals(
        List.of(),
        PolicyParser.schemaViolations(
            "rules:\n  image-tag: {severity: off, options: {floating_tags: [a]}}\n"
                + "hadolint: {config: x}\n"));
  }

  @Test
  void optionNamesAndTypesAreCheckedForRulesWhoseOptionsTheSchemaLists() {
    PolicyResult r =
        PolicyLoader.parse(
            ".hullcheck.yml",
            """
            rules:
              image-tag:
                options:
                  floating_tag: [edge]
              log-rotation-missing:
                options:
                  drivers: json-file
                  require_logging: "yes"
                  max_size: 20m
                  max_file: 5
            """);
    assertEquals(
        List.of(
            ".hullcheck.yml:4:7: unknown option `floating_tag` of rule `image-tag`; allowed:"
                + " floating_tags, pin_to; did you mean `floating_tags`?",
            ".hullcheck.yml:7:16: option `drivers` of rule `log-rotation-missing` must be a list"
                + " of strings, found string `json-file`",
            ".hullcheck.yml:8:24: option `require_logging` of rule `log-rotation-missing` must be"
                + " boolean, found string `yes`"),
        r.errors().stream().map(PolicyError::toString).toList());
  }

  @Test
  void aRuleWithoutOptionsRejectsAnyOption() {
    PolicyResult r =
        PolicyLoader.parse(
            ".hullcheck.yml",
            """
            rules:
              privileged:
                severity: warning
                options: {allow_services: [docker]}
            """);
    assertEquals(
        List.of(
            ".hullcheck.yml:4:15: rule `privileged` takes no options, found `allow_services`;"
                + " remove it (docs/rules/privileged.md lists what the rule reads)"),
        r.errors().stream().map(PolicyError::toString).toList());
    assertEquals(
        1,
        PolicyParser.schemaViolations("rules:\n  privileged: {options: {allow_services: [x]}}\n")
            .size(),
        "the schema agrees, for editors that validate with it");
  }

  @Test
  void everyErrorIsReportedAtOnceInFileOrder() {
    PolicyResult r =
        TestCatalogue.parse(
            """
            fail_on: sometimes
            rules:
              latest-tag: eror
              nope-rule: off
            review:
              drafts: 1
            """);
    assertEquals(
        List.of("1:10", "3:15", "4:3", "6:11"),
        r.errors().stream().map(e -> e.line() + ":" + e.column()).toList());
  }

  @Test
  void unknownRuleWithoutANearNameListsTheRules() {
    PolicyResult r = TestCatalogue.parse("rules:\n  zzzzzzzzzzzzzz: off\n");
    String message = r.errors().get(0).message();
    assertTrue(message.startsWith("unknown rule `zzzzzzzzzzzzzz`; the rules are: "), message);
    for (var m : TestCatalogue.ALL) {
      assertTrue(message.contains(m.id()), m.id());
    }
  }

  @Test
  void schemaCatchesWhatTheWalkDoesNotAndItIsPositioned() {
    // `files: []` passes the walk's list check but not the schema's minItems; either way the
    // user sees one error at the value.
    PolicyResult r = TestCatalogue.parse("overrides:\n  - files: []\n");
    assertEquals(1, r.errors().size(), r.errors().toString());
    assertEquals(2, r.errors().get(0).line());
  }
}
