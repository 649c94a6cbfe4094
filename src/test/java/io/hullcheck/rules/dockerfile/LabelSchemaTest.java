package io.hullcheck.rules.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Options;
import io.hullcheck.rules.RuleContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** label-schema's formats and options, one case per line. */
class LabelSchemaTest {

  @ParameterizedTest(name = "{0} {1} valid={2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "url|https://github.com/example/app|true",
        "url|github.com/example/app|false",
        "rfc3339|2024-06-01T12:00:00Z|true",
        "rfc3339|2024-06-01T12:00:00+02:00|true",
        "rfc3339|2024-06-01|false",
        "rfc3339|yesterday|false",
        "semver|1.4.2|true",
        "semver|v1.4.2-rc.1+build.5|true",
        "semver|1.4|false",
        "spdx|Apache-2.0|true",
        "spdx|(MIT OR Apache-2.0) AND BSD-3-Clause|true",
        "spdx|GPL-2.0-only WITH Classpath-exception-2.0|true",
        "spdx|MIT,Apache-2.0|false",
        "spdx|MIT OR|false",
        "spdx|Apache License 2.0|false",
        "email|team@example.com|true",
        "email|Team <team@example.com>|false",
        "git-hash|3f2a9c1|true",
        "git-hash|main|false",
        "text|anything|true",
      })
  void formats(String format, String value, boolean valid) {
    assertEquals(valid, LabelSchema.valid(format, value));
  }

  static Stream<Arguments> options() {
    String df =
        "FROM alpine:3.20\n"
            + "LABEL org.opencontainers.image.source=https://github.com/example/app \\\n"
            + "      org.opencontainers.image.version=1.4 \\\n"
            + "      team=payments\n";
    return Stream.of(
        row("defaults check only OCI formats", Map.of(), df, List.of()),
        row(
            "required labels missing, at FROM",
            Map.of("required", List.of("org.opencontainers.image.source", "maintainer")),
            df,
            List.of(1)),
        row(
            "formats replace the OCI defaults",
            Map.of("formats", Map.of("org.opencontainers.image.version", "semver")),
            df,
            List.of(3)),
        row(
            "strict reports labels the schema does not name",
            Map.of("strict", true, "required", List.of("org.opencontainers.image.version")),
            df,
            List.of(4)),
        row(
            "a value with a variable is unknown",
            Map.of("formats", Map.of("org.opencontainers.image.version", "semver")),
            "FROM alpine:3.20\nARG VERSION\nLABEL org.opencontainers.image.version=$VERSION\n",
            List.of()),
        row(
            "labels of the stage built FROM count",
            Map.of("required", List.of("team")),
            "FROM alpine:3.20 AS base\nLABEL team=payments\nFROM base\n",
            List.of()),
        row(
            "labels of a builder stage do not",
            Map.of("required", List.of("team")),
            "FROM alpine:3.20 AS build\nLABEL team=payments\nFROM alpine:3.20\n",
            List.of(3)));
  }

  private static Arguments row(
      String name, Map<String, Object> options, String text, List<Integer> lines) {
    return Arguments.of(Named.of(name, options), text, lines);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void options(Map<String, Object> options, String text, List<Integer> lines) throws IOException {
    RuleContext context = DockerfileRuleFixturesTest.context().withOptions(new Options(options));
    Dockerfile df = DockerfileRuleFixturesTest.parse("Dockerfile", text);
    List<Finding> findings = new LabelSchema().check(df, context);
    assertEquals(lines, findings.stream().map(f -> f.span().startLine()).toList());
  }
}
