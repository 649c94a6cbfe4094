package io.hullcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.hullcheck.engine.FileProblem;
import io.hullcheck.engine.ScanResult;
import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.Rule;
import io.hullcheck.rules.RuleMeta;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Suppression;
import io.hullcheck.rules.TextEdit;
import io.hullcheck.testing.TestRules;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The three output formats on one hand-made result: a finding with a fix, a suppressed one, an
 * internal error, and a file that did not parse.
 */
class ReportsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final SourceFile DOCKERFILE =
      new SourceFile("app dir/Dockerfile", "FROM python:3.12\n\tMAINTAINER me\nCMD [\"x\"]\n");
  private static final SourceFile COMPOSE =
      new SourceFile("compose.yaml", "services:\n  web:\n    privileged: true\n");
  private static final Map<String, SourceFile> SOURCES =
      Map.of(DOCKERFILE.path(), DOCKERFILE, COMPOSE.path(), COMPOSE);

  static ScanResult result() {
    int m = DOCKERFILE.text().indexOf("MAINTAINER");
    Finding maintainer =
        new Finding(
            "test-maintainer",
            Severity.WARNING,
            Category.STYLE,
            DOCKERFILE.path(),
            DOCKERFILE.span(m, m + "MAINTAINER me".length()),
            "MAINTAINER is deprecated; use a LABEL",
            Fix.of("Use a LABEL", TextEdit.replace(DOCKERFILE.span(m, m + 13), "LABEL a=b")),
            null,
            null);
    Finding internal =
        new Finding(
            "internal-error",
            Severity.WARNING,
            Category.CORRECTNESS,
            DOCKERFILE.path(),
            DOCKERFILE.lineSpan(1),
            "Rule x failed",
            null,
            null,
            null);
    int p = COMPOSE.text().indexOf("privileged");
    Finding privileged =
        new Finding(
            "test-privileged",
            Severity.ERROR,
            Category.PRIVILEGES,
            COMPOSE.path(),
            COMPOSE.span(p, p + "privileged: true".length()),
            "Service web runs privileged",
            null,
            "the value comes from the anchor at line 1",
            new Suppression("hullcheck", "needs the GPU", COMPOSE.lineSpan(2)));
    return new ScanResult(
        List.of(maintainer, internal, privileged),
        List.of(new FileProblem("broken/compose.yaml", 3, 5, "duplicate key 'image'")),
        3);
  }

  static List<RuleMeta> catalogue() {
    return TestRules.all().stream().map(Rule::meta).toList();
  }

  @Test
  void sarifIsValidAgainstTheSchema() throws Exception {
    String sarif = SarifReport.render(result(), SOURCES, catalogue(), "1.0", Docs.DEFAULT_BASE);
    JsonSchema schema;
    try (InputStream in =
        Files.newInputStream(Path.of("src/test/resources/sarif/sarif-schema-2.1.0.json"))) {
      SchemaValidatorsConfig config =
          SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in, config);
    }
    Set<ValidationMessage> errors = schema.validate(JSON.readTree(sarif));
    assertEquals(Set.of(), errors, sarif);
    // The validator is live: a log without a version, or with a bad level, is rejected.
    assertTrue(!schema.validate(JSON.readTree("{\"runs\": []}")).isEmpty());
    assertTrue(
        !schema
            .validate(
                JSON.readTree(sarif.replace("\"level\" : \"warning\"", "\"level\" : \"loud\"")))
            .isEmpty());
  }

  /**
   * Each row: a reported path, then the SARIF {@code uri} and {@code uriBaseId} of its location.
   * Paths outside the scanned root are reported as given, absolute; they must not claim a base.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "compose.yaml | compose.yaml | %SRCROOT%",
        "app dir/compose.yaml | app%20dir/compose.yaml | %SRCROOT%",
        "/work/r5/compose.yaml | file:///work/r5/compose.yaml | ",
        "C:/work/compose.yaml | file:///C:/work/compose.yaml | ",
        "/work/app dir/\u00e9.yaml | file:///work/app%20dir/%C3%A9.yaml | ",
      })
  void sarifLocationsAreRelativeToTheRootOrAbsoluteWithoutABase(
      String path, String uri, String base) throws Exception {
    SourceFile source = new SourceFile(path, "services:\n  web:\n    privileged: true\n");
    Finding f =
        new Finding(
            "test-privileged",
            Severity.ERROR,
            Category.PRIVILEGES,
            path,
            source.lineSpan(3),
            "Service web runs privileged",
            null,
            null,
            null);
    JsonNode location =
        JSON.readTree(
                SarifReport.render(
                    new ScanResult(List.of(f), List.of(), 1),
                    Map.of(path, source),
                    catalogue(),
                    "1.0",
                    Docs.DEFAULT_BASE))
            .at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");
    assertEquals(uri, location.get("uri").asText(), location.toString());
    assertEquals(base, location.has("uriBaseId") ? location.get("uriBaseId").asText() : null);
  }

  @Test
  void sarifCarriesRulesRegionsFixesAndSuppressions() throws Exception {
    JsonNode run =
        JSON.readTree(SarifReport.render(result(), SOURCES, catalogue(), "1.0", Docs.DEFAULT_BASE))
            .at("/runs/0");
    JsonNode rules = run.at("/tool/driver/rules");
    assertEquals(catalogue().size() + 1, rules.size(), "catalogue plus internal-error");
    JsonNode maintainerRule = rules.get(0);
    assertEquals("test-maintainer", maintainerRule.get("id").asText());
    assertEquals("TestMaintainer", maintainerRule.get("name").asText());
    assertEquals("warning", maintainerRule.at("/defaultConfiguration/level").asText());
    assertEquals("style", maintainerRule.at("/properties/category").asText());
    assertEquals(
        Docs.DEFAULT_BASE + "docs/rules/test-maintainer.md",
        maintainerRule.get("helpUri").asText());

    JsonNode first = run.at("/results/0");
    assertEquals(0, first.get("ruleIndex").asInt());
    assertEquals(
        "app%20dir/Dockerfile",
        first.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
    JsonNode region = first.at("/locations/0/physicalLocation/region");
    assertEquals(
        List.of(2, 2, 2, 15),
        List.of(
            region.get("startLine").asInt(), region.get("startColumn").asInt(),
            region.get("endLine").asInt(), region.get("endColumn").asInt()));
    JsonNode replacement = first.at("/fixes/0/artifactChanges/0/replacements/0");
    assertEquals("LABEL a=b", replacement.at("/insertedContent/text").asText());
    assertEquals(
        DOCKERFILE.text().indexOf("MAINTAINER"),
        replacement.at("/deletedRegion/charOffset").asInt());
    assertEquals(13, replacement.at("/deletedRegion/charLength").asInt());

    JsonNode internal = run.at("/results/1");
    assertEquals(rules.size() - 1, internal.get("ruleIndex").asInt());
    JsonNode suppressed = run.at("/results/2");
    assertEquals("error", suppressed.get("level").asText());
    assertEquals("inSource", suppressed.at("/suppressions/0/kind").asText());
    assertEquals("needs the GPU", suppressed.at("/suppressions/0/justification").asText());
    assertEquals(
        "duplicate key 'image'",
        run.at("/invocations/0/toolExecutionNotifications/0/message/text").asText());
  }

  @Test
  void jsonHasTheDocumentedShape() throws Exception {
    JsonNode root = JSON.readTree(JsonReport.render(result(), SOURCES));
    assertEquals(3, root.get("files").asInt());
    JsonNode f = root.at("/findings/0");
    assertEquals("test-maintainer", f.get("ruleId").asText());
    assertEquals("app dir/Dockerfile", f.get("path").asText());
    assertEquals(
        List.of(2, 2, 2, 15),
        List.of(
            f.get("line").asInt(), f.get("column").asInt(),
            f.get("endLine").asInt(), f.get("endColumn").asInt()));
    assertEquals("warning", f.get("severity").asText());
    assertEquals("style", f.get("category").asText());
    assertEquals("Use a LABEL", f.at("/fix/description").asText());
    JsonNode edit = f.at("/fix/edits/0");
    assertEquals(
        List.of(2, 2, 2, 15),
        List.of(
            edit.get("line").asInt(), edit.get("column").asInt(),
            edit.get("endLine").asInt(), edit.get("endColumn").asInt()));
    assertEquals("LABEL a=b", edit.get("text").asText());
    assertTrue(f.get("suppressed").isBoolean() && !f.get("suppressed").asBoolean());
    assertTrue(root.at("/findings/1/fix").isNull());
    JsonNode s = root.at("/findings/2");
    assertTrue(s.get("suppressed").asBoolean());
    assertEquals("hullcheck", s.at("/suppression/source").asText());
    assertEquals("needs the GPU", s.at("/suppression/reason").asText());
    JsonNode p = root.at("/problems/0");
    assertEquals("broken/compose.yaml", p.get("path").asText());
    assertEquals(3, p.get("line").asInt());
    assertEquals(5, p.get("column").asInt());
  }

  @Test
  void textReadsLikeACompiler() {
    String expected =
        String.join(
            "\n",
            "broken/compose.yaml:3:5: problem: duplicate key 'image'",
            "app dir/Dockerfile:2:2: warning [test-maintainer] MAINTAINER is deprecated; use a LABEL",
            "    2 | \tMAINTAINER me",
            "      | \t^^^^^^^^^^^^^",
            "  fix: Use a LABEL",
            "      - \tMAINTAINER me",
            "      + \tLABEL a=b",
            "app dir/Dockerfile:1:1: warning [internal-error] Rule x failed",
            "    1 | FROM python:3.12",
            "      | ^^^^^^^^^^^^^^^^",
            "2 findings (2 warnings) in 3 files, 1 suppressed, 1 problem",
            "");
    assertEquals(expected, TextReport.render(result(), SOURCES));
  }

  /**
   * A line of 1,000 characters is shown as a window around the finding, with its carets, and the
   * fix's lines as a window around where they change: the output stays readable whatever the line.
   */
  @Test
  void longLinesAreShownAsAWindowAroundTheFindingAndTheChange() {
    String pad = "x".repeat(600);
    String text = "RUN echo " + pad + " && MAINTAINER me && echo " + "y".repeat(350) + "\n";
    SourceFile source = new SourceFile("Dockerfile", text);
    int m = text.indexOf("MAINTAINER");
    Finding f =
        new Finding(
            "test-maintainer",
            Severity.WARNING,
            Category.STYLE,
            "Dockerfile",
            source.span(m, m + "MAINTAINER me".length()),
            "MAINTAINER is deprecated",
            Fix.of("Use a LABEL", TextEdit.replace(source.span(m, m + 13), "LABEL a=b")),
            null,
            null);
    String out =
        TextReport.render(new ScanResult(List.of(f), List.of(), 1), Map.of("Dockerfile", source));
    List<String> lines = out.lines().toList();
    int start = m - TextReport.WINDOW / 4;
    String shown = "..." + text.substring(start, start + TextReport.WINDOW) + "...";
    assertEquals("    1 | " + shown, lines.get(1));
    assertEquals("      | " + " ".repeat(3 + m - start) + "^".repeat(13), lines.get(2));
    // "- " and "+ " share the line up to MAINTAINER, so the change is in view on both.
    assertTrue(
        lines.get(4).startsWith("      - ...") && lines.get(4).contains("MAINTAINER me"), out);
    assertTrue(lines.get(5).startsWith("      + ...") && lines.get(5).contains("LABEL a=b"));
    assertTrue(out.length() < 1_000, out);
  }

  @Test
  void summaryCountsBySeverity() {
    assertEquals(
        "No findings in 1 file", TextReport.summary(new ScanResult(List.of(), List.of(), 1)));
  }
}
