package io.hullcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.hullcheck.policy.PolicyLoader;
import io.hullcheck.rules.Registry;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The README's first command: the bundled example, with every real part, in every format. */
class ExampleTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String scan(String format, int expectedCode) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            PolicyLoader::load,
            Map.of(),
            Registry.all());
    int code = Main.run(context, "scan", "--format", format, "examples/");
    assertEquals(expectedCode, code, err.toString());
    return out.toString();
  }

  @Test
  void theExampleShowsTheClassicMistakes() throws Exception {
    JsonNode root = JSON.readTree(scan("json", 1));
    assertEquals(0, root.get("problems").size(), root.get("problems").toString());
    Set<String> categories = new TreeSet<>();
    root.get("findings").forEach(f -> categories.add(f.get("category").asText()));
    assertTrue(
        categories.containsAll(
            Set.of(
                "user",
                "image-tag",
                "docker-socket",
                "secrets",
                "port-exposure",
                "resource-limits",
                "base-image",
                "healthcheck",
                "host-namespace",
                "logging",
                "privileges")),
        "categories found: " + categories);
    assertTrue(scan("text", 1).contains("fix: "), "some findings carry a verified fix");
  }

  @Test
  void theExampleAsSarifIsValid() throws Exception {
    JsonSchema schema;
    try (InputStream in =
        Files.newInputStream(Path.of("src/test/resources/sarif/sarif-schema-2.1.0.json"))) {
      schema =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
              .getSchema(
                  in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }
    String sarif = scan("sarif", 1);
    assertEquals(Set.of(), schema.validate(JSON.readTree(sarif)));
    JsonNode results = JSON.readTree(sarif).at("/runs/0/results");
    assertTrue(results.size() > 10);
  }
}
