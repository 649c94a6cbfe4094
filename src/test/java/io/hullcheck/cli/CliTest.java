package io.hullcheck.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hullcheck.policy.PolicyError;
import io.hullcheck.policy.PolicyLoader;
import io.hullcheck.policy.PolicyResult;
import io.hullcheck.rules.Severity;
import io.hullcheck.testing.FakeRegistry;
import io.hullcheck.testing.TestPolicy;
import io.hullcheck.testing.TestRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands run in-process on real files, with test-only rules and a test policy. */
class CliTest {
  @TempDir Path dir;
  private PolicyResult policy;
  private final List<Path> policyRequests = new ArrayList<>();

  record Run(int code, String out, String err) {}

  @BeforeEach
  void files() throws IOException {
    policy =
        new PolicyResult(
            TestPolicy.only("test-maintainer", "test-privileged", "test-expose"), List.of(), null);
    write("Dockerfile", "FROM alpine:3.20\nMAINTAINER me\nCMD [\"x\"]\n");
    write("deploy/compose.yaml", "services:\n  web:\n    image: x\n    privileged: true\n");
  }

  private Run run(String... args) {
    return runWith(TestRules.all(), args);
  }

  private Run runWith(List<io.hullcheck.rules.Rule> rules, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            (root, config) -> {
              policyRequests.add(root);
              return policy;
            },
            Map.of("PRIV", "true"),
            rules);
    int code = Main.run(context, args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void scanPrintsCompilerStyleFindingsAndFailsAtTheFailLevel() {
    Run r = run("scan", dir.toString());
    assertEquals(1, r.code(), r.err());
    assertEquals(
        String.join(
            "\n",
            "Dockerfile:2:1: warning [test-maintainer] MAINTAINER is deprecated; use a LABEL",
            "    2 | MAINTAINER me",
            "      | ^^^^^^^^^^^^^",
            "  fix: Use a LABEL",
            "      - MAINTAINER me",
            "      + LABEL maintainer=\"me\"",
            "deploy/compose.yaml:4:5: error [test-privileged] Service web runs privileged",
            "    4 |     privileged: true",
            "      |     ^^^^^^^^^^^^^^^^",
            "  fix: Remove privileged",
            "      -     privileged: true",
            "2 findings (1 error, 1 warning) in 2 files",
            ""),
        r.out());
    assertEquals(List.of(dir.toAbsolutePath().normalize()), policyRequests);
  }

  @Test
  void exitCodeFollowsThePolicyFailLevel() {
    policy = new PolicyResult(TestPolicy.only("test-maintainer"), List.of(), null);
    assertEquals(0, run("scan", dir.toString()).code(), "a warning does not fail at error");
    policy =
        new PolicyResult(
            TestPolicy.only("test-maintainer").failingOn(Severity.WARNING), List.of(), null);
    assertEquals(1, run("scan", dir.toString()).code());
    policy = new PolicyResult(TestPolicy.only("test-privileged").failingOn(null), List.of(), null);
    assertEquals(0, run("scan", dir.toString()).code(), "fail_on: never");
  }

  @Test
  void jsonAndSarifFormats() throws IOException {
    Run json = run("scan", "--format", "json", dir.toString());
    JsonNode root = new ObjectMapper().readTree(json.out());
    assertEquals(2, root.get("files").asInt());
    assertEquals("deploy/compose.yaml", root.at("/findings/1/path").asText());
    Run sarif = run("scan", "--format", "sarif", dir.toString());
    assertEquals("2.1.0", new ObjectMapper().readTree(sarif.out()).get("version").asText());
  }

  @Test
  void interpolationUsesTheDotEnvAndExplicitVariablesButNotTheProcessByDefault()
      throws IOException {
    write("deploy/compose.yaml", "services:\n  web:\n    image: x\n    privileged: ${PRIV}\n");
    policy = new PolicyResult(TestPolicy.only("test-privileged"), List.of(), null);
    assertEquals(0, run("scan", dir.toString()).code(), "unknown values find nothing");
    assertEquals(1, run("scan", "--process-env", dir.toString()).code());
    assertEquals(1, run("scan", "-e", "PRIV=true", dir.toString()).code());
    write("deploy/.env", "PRIV=true\n");
    assertEquals(1, run("scan", dir.toString()).code());
    assertEquals(0, run("scan", "-e", "PRIV=false", dir.toString()).code());
  }

  @Test
  void fixDryRunPrintsADiffAndFixWritesFilesOnce() throws IOException {
    Path dockerfile = dir.resolve("Dockerfile");
    String before = Files.readString(dockerfile);
    Run dry = run("fix", "--dry-run", dir.toString());
    assertEquals(0, dry.code(), dry.err());
    assertEquals(
        String.join(
            "\n",
            "--- a/Dockerfile",
            "+++ b/Dockerfile",
            "@@ -1,3 +1,3 @@",
            " FROM alpine:3.20",
            "-MAINTAINER me",
            "+LABEL maintainer=\"me\"",
            " CMD [\"x\"]",
            "--- a/deploy/compose.yaml",
            "+++ b/deploy/compose.yaml",
            "@@ -1,4 +1,3 @@",
            " services:",
            "   web:",
            "     image: x",
            "-    privileged: true",
            ""),
        dry.out());
    assertEquals(before, Files.readString(dockerfile), "a dry run writes nothing");
    Run fix = run("fix", dir.toString());
    assertEquals(0, fix.code());
    assertTrue(fix.err().contains("Applied 2 fixes in 2 files"), fix.err());
    assertEquals(
        "FROM alpine:3.20\nLABEL maintainer=\"me\"\nCMD [\"x\"]\n", Files.readString(dockerfile));
    Run again = run("fix", dir.toString());
    assertTrue(again.err().contains("Applied 0 fixes in 0 files"), again.err());
    assertEquals(0, run("scan", dir.toString()).code());
  }

  /**
   * Regression: fixes that share a line with another fix (the flow-style proxy below), or that are
   * not sound together, were applied one per round until the round bound ran out, and a second run
   * applied the rest. One run must now reach the fixed point, with the real rules and policy.
   */
  @Test
  void oneFixRunAppliesEveryFixEvenWhenFixesShareALine() throws IOException {
    policy = new PolicyResult(PolicyLoader.builtin("default"), List.of(), null);
    write(
        "docker-compose.yml",
        """
        services:
          proxy: {image: "nginx:1.27", ports: ["80:80"], logging: {driver: json-file}}
          app:
            image: myapp:latest
            ports:
              - 3000:3000
            security_opt: ["seccomp:unconfined"]
            environment:
              DB_PASSWORD: hunter2
            volumes:
              - /var/run:/var/run:rshared
        """);
    String file = dir.resolve("docker-compose.yml").toString();
    List<io.hullcheck.rules.Rule> rules = io.hullcheck.rules.Registry.all();
    Set<String> fixedRules = new TreeSet<>();
    for (JsonNode f : findingsOf(runWith(rules, "scan", "--format", "json", file))) {
      if (!f.path("fix").isNull()) {
        fixedRules.add(f.path("ruleId").asText());
      }
    }
    assertTrue(fixedRules.contains("port-all-interfaces"), fixedRules.toString());
    assertTrue(fixedRules.contains("log-rotation-missing"), fixedRules.toString());

    Run dry = runWith(rules, "fix", "--dry-run", file);
    assertTrue(dry.err().contains("Would apply 12 fixes in 1 file"), dry.err());
    Run once = runWith(rules, "fix", file);
    assertEquals(0, once.code(), once.err());
    assertTrue(once.err().contains("Applied 12 fixes in 1 file"), once.err());
    assertFalse(once.err().contains("not applied"), once.err());
    String fixed = Files.readString(dir.resolve("docker-compose.yml"));
    for (String line : dry.out().lines().filter(l -> l.startsWith("+ ")).toList()) {
      assertTrue(fixed.contains(line.substring(1)), "the dry run shows the final text: " + line);
    }

    Run twice = runWith(rules, "fix", file);
    assertTrue(twice.err().contains("Applied 0 fixes in 0 files"), twice.err());
    assertEquals(fixed, Files.readString(dir.resolve("docker-compose.yml")));
    for (JsonNode f : findingsOf(runWith(rules, "scan", "--format", "json", file))) {
      assertFalse(fixedRules.contains(f.path("ruleId").asText()), f.toString());
    }
  }

  private static JsonNode findingsOf(Run r) throws IOException {
    return new ObjectMapper().readTree(r.out()).path("findings");
  }

  @Test
  void policyErrorsAreListedAndExitTwo() {
    policy =
        new PolicyResult(
            null,
            List.of(
                new PolicyError(
                    ".hullcheck.yml", 3, 5, "unknown key 'rulez'; did you mean 'rules'?"),
                new PolicyError(".hullcheck.yml", 7, 12, "unknown severity 'fatal'")),
            ".hullcheck.yml");
    Run r = run("scan", dir.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains(".hullcheck.yml:3:5: unknown key 'rulez'; did you mean 'rules'?"));
    assertTrue(r.err().contains(".hullcheck.yml:7:12: unknown severity 'fatal'"));
    assertEquals("", r.out());
  }

  @Test
  void userErrorsExitTwoWithoutAStackTrace() {
    for (String[] args :
        List.of(
            new String[] {"scan", dir.resolve("missing").toString()},
            new String[] {"scan", "--format", "xml", dir.toString()},
            new String[] {"scan", "--kind", "helm", dir.resolve("Dockerfile").toString()},
            new String[] {"scan", "--config", dir.resolve("none.yml").toString(), dir.toString()},
            new String[] {"scan", "--no-such-option"},
            new String[] {"rules", "--format", "pdf"},
            new String[] {})) {
      Run r = run(args);
      assertEquals(2, r.code(), String.join(" ", args));
      assertFalse(r.err().contains("\tat "), r.err());
    }
  }

  @Test
  void binaryFilesAreProblemsAndExitTwo() throws IOException {
    Files.write(dir.resolve("Dockerfile.bin"), new byte[] {'F', 'R', 0, (byte) 0xc3, 0x28});
    Run r = run("scan", dir.toString());
    assertEquals(2, r.code());
    assertTrue(
        r.out().contains("Dockerfile.bin:1:1: problem: cannot read: the file is binary, not text"),
        r.out());
    assertTrue(r.out().contains("[test-maintainer]"), "the other files are still checked");
  }

  /**
   * Docker builds a Dockerfile whatever its bytes, so one in Latin-1 is checked like any other, and
   * a fix rewrites only what it edits: the other bytes come back as they were.
   */
  @Test
  void aLatin1DockerfileIsCheckedAndFixedByteForByte() throws IOException {
    Path dockerfile = dir.resolve("Dockerfile");
    byte[] latin1 =
        "FROM alpine:3.20\n# Gr\u00fc\u00dfe\nMAINTAINER me\nCMD [\"x\"]\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    Files.write(dockerfile, latin1);
    Run scan = run("scan", dockerfile.toString());
    assertEquals(0, scan.code(), "a warning is below the fail level; " + scan.err());
    assertTrue(scan.out().contains("Dockerfile:3:1: warning [test-maintainer]"), scan.out());
    assertFalse(scan.out().contains("problem"), scan.out());

    Run fix = run("fix", dockerfile.toString());
    assertEquals(0, fix.code(), fix.err());
    assertArrayEquals(
        "FROM alpine:3.20\n# Gr\u00fc\u00dfe\nLABEL maintainer=\"me\"\nCMD [\"x\"]\n"
            .getBytes(StandardCharsets.ISO_8859_1),
        Files.readAllBytes(dockerfile));
  }

  @Test
  void aMissingPathIsAProblemAndTheOtherPathsAreStillChecked() throws IOException {
    String nope = dir.resolve("nope").toString();
    String dockerfile = dir.resolve("Dockerfile").toString();
    Run text = run("scan", "--root", dir.toString(), nope, dockerfile);
    assertEquals(2, text.code(), text.err());
    assertTrue(text.out().contains("nope:1:1: problem: no such file or directory"), text.out());
    assertTrue(text.out().contains("Dockerfile:2:1: warning [test-maintainer]"), text.out());

    Run json = run("scan", "--format", "json", "--root", dir.toString(), nope, dockerfile);
    assertEquals(2, json.code(), json.err());
    JsonNode root = new ObjectMapper().readTree(json.out());
    assertEquals("nope", root.at("/problems/0/path").asText());
    assertEquals("no such file or directory", root.at("/problems/0/message").asText());
    assertEquals("test-maintainer", root.at("/findings/0/ruleId").asText(), json.out());
    assertEquals(1, root.get("files").asInt());

    Run sarif = run("scan", "--format", "sarif", "--root", dir.toString(), nope, dockerfile);
    assertEquals(2, sarif.code(), sarif.err());
    JsonNode note =
        new ObjectMapper()
            .readTree(sarif.out())
            .at("/runs/0/invocations/0/toolExecutionNotifications/0");
    assertEquals("no such file or directory", note.at("/message/text").asText(), sarif.out());
  }

  @Test
  void fixStillFixesTheOtherPathsWhenOneIsMissing() throws IOException {
    Run r = run("fix", dir.resolve("nope").toString(), dir.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("nope:1:1: problem: no such file or directory"), r.err());
    assertTrue(
        Files.readString(dir.resolve("Dockerfile")).contains("LABEL maintainer=\"me\""),
        "the Dockerfile in the directory is fixed");
    assertFalse(
        Files.readString(dir.resolve("deploy/compose.yaml")).contains("privileged"),
        "the compose file in the directory is fixed");
  }

  @Test
  void fixSaysWhereAFileItFixesDoesNotParse() throws IOException {
    write("Dockerfile", "FROM alpine:3.20\nBOGUS x\nMAINTAINER me\n");
    Run r = run("fix", "--dry-run", dir.resolve("Dockerfile").toString());
    assertTrue(r.err().contains("Dockerfile:2:1: problem: unknown instruction: BOGUS"), r.err());
  }

  @Test
  void aNamedPipeIsAProblemNotAHang() throws Exception {
    Path fifo = dir.resolve("Dockerfile.fifo");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
    Run r = run("scan", fifo.toString());
    assertEquals(2, r.code());
    assertTrue(r.out().contains("problem: cannot read: not a regular file"), r.out());
  }

  @Test
  void rulesCatalogueAsJson() throws IOException {
    Run r = run("rules", "--format", "json");
    JsonNode rules = new ObjectMapper().readTree(r.out());
    assertEquals(TestRules.all().size(), rules.size());
    JsonNode first = rules.get(0);
    assertEquals("test-maintainer", first.get("id").asText());
    assertEquals("warning", first.get("severity").asText());
    assertEquals("dockerfile", first.get("target").asText());
    assertEquals("style", first.get("category").asText());
    assertTrue(first.get("fixable").asBoolean());
    assertTrue(first.at("/equivalents/hadolint").isArray());
    assertEquals("docs/rules/test-maintainer.md", first.get("docs").asText());
  }

  @Test
  void scanChecksAComposeProjectAndReportsEachFindingInTheFileThatWritesIt() throws IOException {
    write(
        "app/compose.yaml",
        "services:\n  web:\n    extends:\n      file: base/common.yml\n      service: base\n"
            + "    image: x\n");
    write("app/base/common.yml", "services:\n  base:\n    privileged: true\n");
    write("app/compose.override.yaml", "services:\n  api:\n    image: y\n    privileged: true\n");
    Run r = run("scan", "--format", "json", dir.resolve("app").toString());
    JsonNode findings = new ObjectMapper().readTree(r.out()).get("findings");
    List<String> where = new ArrayList<>();
    findings.forEach(f -> where.add(f.get("path").asText() + ":" + f.get("line").asInt()));
    // common.yml is not a compose file by name: it is read because compose.yaml extends it. The
    // override is checked with compose.yaml only, not a second time on its own.
    assertEquals(List.of("base/common.yml:3", "compose.override.yaml:4"), where, r.out());
  }

  @Test
  void fixEditsTheOverrideThatWritesTheValueAndLeavesTheComposeFile() throws IOException {
    String base = "services:\n  web:\n    image: x\n";
    write("app/compose.yaml", base);
    write("app/compose.override.yaml", "services:\n  web:\n    privileged: true\n    user: a\n");
    Run r = run("fix", dir.resolve("app").toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(base, Files.readString(dir.resolve("app/compose.yaml")));
    assertEquals(
        "services:\n  web:\n    user: a\n",
        Files.readString(dir.resolve("app/compose.override.yaml")));
  }

  @Test
  void anExtendsCycleIsReportedWithItsPlaceAndTheOtherFilesAreStillChecked() throws IOException {
    write(
        "app/compose.yaml",
        "services:\n  a:\n    extends: b\n  b:\n    extends: a\n    privileged: true\n");
    Run r = run("scan", dir.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(
        r.out().contains("app/compose.yaml:5:14: ") && r.out().contains("extends cycle"), r.out());
    assertTrue(r.out().contains("Dockerfile:2:1: warning [test-maintainer]"), r.out());
    assertTrue(r.out().contains("deploy/compose.yaml:4:5: error [test-privileged]"), r.out());
  }

  @Test
  void dockerfileFindingsNameTheComposeServicesBuiltFromIt() throws IOException {
    write("app/web/Dockerfile", "FROM alpine:3.20\nMAINTAINER me\n");
    write(
        "app/compose.yaml",
        "services:\n  web:\n    build: ./web\n  worker:\n    build:\n      context: web\n"
            + "      dockerfile: Dockerfile\n  inline:\n    build:\n      context: web\n"
            + "      dockerfile_inline: FROM alpine:3.20\n");
    Path app = dir.resolve("app");
    Run text = run("scan", app.toString());
    assertTrue(
        text.out().contains("  note: Built by services web, worker in compose.yaml\n"), text.out());
    JsonNode json =
        new ObjectMapper().readTree(run("scan", "--format", "json", app.toString()).out());
    JsonNode built = json.get("findings").get(0).get("builtBy");
    assertEquals(2, built.size(), json.toString());
    assertEquals("worker", built.get(1).get("service").asText());
    assertEquals(4, built.get(1).get("line").asInt());
    JsonNode sarif =
        new ObjectMapper().readTree(run("scan", "--format", "sarif", app.toString()).out());
    JsonNode related = sarif.at("/runs/0/results/0/relatedLocations");
    assertEquals(2, related.size(), sarif.toString());
    assertEquals(
        "compose.yaml", related.get(0).at("/physicalLocation/artifactLocation/uri").asText());
    assertEquals(2, related.get(0).at("/physicalLocation/region/startLine").asInt());
    assertEquals("built by service web", related.get(0).at("/message/text").asText());
  }

  @Test
  void registryLookupsAddPinFixesOnlyWhenAskedFor() throws IOException {
    policy = new PolicyResult(TestPolicy.only("image-tag"), List.of(), null);
    write("Dockerfile", "FROM nginx:latest\nCMD [\"x\"]\n");
    Files.delete(dir.resolve("deploy/compose.yaml"));
    try (FakeRegistry registry = FakeRegistry.start()) {
      Run offline =
          runWith(io.hullcheck.rules.Registry.all(), "scan", "--format", "json", dir.toString());
      JsonNode finding = new ObjectMapper().readTree(offline.out()).path("findings").get(0);
      assertEquals("image-tag", finding.path("ruleId").asText());
      assertTrue(finding.path("fix").isNull(), offline.out());
      String endpoint = "docker.io=" + registry.url();
      assertEquals(List.of(), registry.requests(), "no request without the option");

      Run fixed =
          runWith(
              io.hullcheck.rules.Registry.all(),
              "fix",
              "--registry-endpoint",
              endpoint,
              dir.toString());
      assertEquals(0, fixed.code(), fixed.err());
      assertEquals("FROM nginx:1.27.3\nCMD [\"x\"]\n", Files.readString(dir.resolve("Dockerfile")));
    }
  }

  @Test
  void aBadRegistryEndpointIsAUsageError() {
    Run r = run("scan", "--registry-endpoint", "docker.io=mirror", dir.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--registry-endpoint docker.io=mirror"), r.err());
  }

  private void write(String rel, String text) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }
}
