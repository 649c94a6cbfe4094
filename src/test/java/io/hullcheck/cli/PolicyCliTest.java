package io.hullcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hullcheck.policy.PolicyLoader;
import io.hullcheck.rules.Registry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team's policy file through the real command line: the real loader, the real rules. A
 * repository's {@code .github/hullcheck.yml} turns a rule off, raises another to error, and a third
 * is suppressed inline; a broken file stops everything with exit 2 and positioned errors.
 */
class PolicyCliTest {
  @TempDir Path repo;

  record Run(int code, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            PolicyLoader::load,
            Map.of(),
            Registry.all());
    int code = Main.run(context, args);
    return new Run(code, out.toString(), err.toString());
  }

  private void write(String path, String text) throws IOException {
    Path f = repo.resolve(path);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
  }

  @BeforeEach
  void dockerfile() throws IOException {
    write(
        "Dockerfile",
        """
        FROM python:3.12
        # hullcheck ignore=secret-in-build-variable -- a dummy value for local builds only
        ENV API_TOKEN=changeme
        CMD ["python", "/app/main.py"]
        """);
  }

  /** Each finding as {@code line rule severity}, plus {@code suppressed: reason} when it is. */
  private static List<String> findings(String json) throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonNode f : new ObjectMapper().readTree(json).get("findings")) {
      String s =
          f.get("line").asInt() + " " + f.get("ruleId").asText() + " " + f.get("severity").asText();
      if (f.get("suppressed").asBoolean()) {
        s += " suppressed: " + f.get("suppression").get("reason").asText();
      }
      out.add(s);
    }
    return out;
  }

  @Test
  void withoutAPolicyFileTheDefaultPackApplies() throws IOException {
    Run r = run("scan", repo.toString(), "--format", "json");
    assertEquals(
        List.of(
            "1 healthcheck-missing info",
            "1 user-root warning",
            "1 base-image-full info",
            "1 image-scan-missing info",
            "3 secret-in-build-variable error suppressed: a dummy value for local builds only"),
        findings(r.out()));
    assertEquals(0, r.code(), "the only error is suppressed; the warning is below fail_on");
  }

  @Test
  void teamFileTurnsOffRaisesAndSuppresses() throws IOException {
    write(
        ".github/hullcheck.yml",
        """
        rules:
          base-image-full: off
          user-root: error
        """);
    Run r = run("scan", repo.toString(), "--format", "json");
    assertEquals(
        List.of(
            "1 healthcheck-missing info",
            "1 user-root error",
            "1 image-scan-missing info",
            "3 secret-in-build-variable error suppressed: a dummy value for local builds only"),
        findings(r.out()));
    assertEquals(1, r.code(), "user-root is an error now, and fail_on is error");
  }

  /**
   * Scanning a subdirectory of a repository applies the policy at the repository's root, with paths
   * relative to that root so its overrides match; a policy outside the repository does not apply.
   */
  @Test
  void scanningASubdirectoryAppliesTheRepositorysPolicy() throws IOException {
    write(
        "outer/.hullcheck.yml",
        """
        rules:
          user-root: off
        """);
    write(
        "outer/repo/.hullcheck.yml",
        """
        rules:
          base-image-full: off
        overrides:
          - files: [services/api/**]
            rules:
              user-root: error
        """);
    Files.createDirectories(repo.resolve("outer/repo/.git"));
    write("outer/repo/services/api/Dockerfile", Files.readString(repo.resolve("Dockerfile")));
    Run r = run("scan", repo.resolve("outer/repo/services/api").toString(), "--format", "json");
    assertEquals(
        List.of(
            "1 healthcheck-missing info",
            "1 user-root error",
            "1 image-scan-missing info",
            "3 secret-in-build-variable error suppressed: a dummy value for local builds only"),
        findings(r.out()));
    assertEquals(
        "services/api/Dockerfile",
        new ObjectMapper().readTree(r.out()).get("findings").get(0).get("path").asText());

    // Without a policy in the repository, the one above its .git is not used, and the scanned
    // directory stays the root.
    Files.delete(repo.resolve("outer/repo/.hullcheck.yml"));
    Run outside =
        run("scan", repo.resolve("outer/repo/services/api").toString(), "--format", "json");
    assertTrue(findings(outside.out()).contains("1 base-image-full info"), outside.out());
    assertTrue(findings(outside.out()).contains("1 user-root warning"), outside.out());
    assertEquals(
        "Dockerfile",
        new ObjectMapper().readTree(outside.out()).get("findings").get(0).get("path").asText());
  }

  /**
   * One case of where scan, fix and config look for the policy: the paths named, {@code --root} if
   * given, and for each path the path reported and the user-root level config prints for it ({@code
   * off}, or the severity scan reports).
   */
  record RootCase(String name, List<String> paths, String root, Map<String, String> expected) {}

  private static final List<RootCase> ROOT_CASES =
      List.of(
          new RootCase(
              "a file below a policy directory gets its overrides",
              List.of("cfg/legacy/Dockerfile"),
              null,
              Map.of("cfg/legacy/Dockerfile", "legacy/Dockerfile off")),
          new RootCase(
              "two files in sibling directories share the policy above both",
              List.of("cfg/legacy/Dockerfile", "cfg/app/Dockerfile"),
              null,
              Map.of(
                  "cfg/legacy/Dockerfile", "legacy/Dockerfile off",
                  "cfg/app/Dockerfile", "app/Dockerfile error")),
          new RootCase(
              "a file outside any policy directory gets the built-in level",
              List.of("other/Dockerfile"),
              null,
              Map.of("other/Dockerfile", "Dockerfile warning")),
          new RootCase(
              "--root wins over the policy above the file",
              List.of("cfg/legacy/Dockerfile"),
              ".",
              Map.of("cfg/legacy/Dockerfile", "cfg/legacy/Dockerfile warning")));

  /**
   * Regression: scan and fix looked for the policy from the current directory unless given one
   * directory, while config looked from the path, so config said a rule was off that scan reported.
   * All three now start from the directory holding every path given.
   */
  @Test
  void scanAndConfigFindTheSamePolicyForFileArguments() throws IOException {
    // The .git stops the search for a policy above the temporary directory.
    Files.createDirectories(repo.resolve(".git"));
    write(
        "cfg/.hullcheck.yml",
        """
        rules:
          user-root: error
        overrides:
          - files: ["legacy/**"]
            rules:
              user-root: off
        """);
    String dockerfile = Files.readString(repo.resolve("Dockerfile"));
    for (String dir : List.of("cfg/legacy", "cfg/app", "other")) {
      write(dir + "/Dockerfile", dockerfile);
    }
    for (RootCase c : ROOT_CASES) {
      List<String> rootArgs =
          c.root() == null ? List.of() : List.of("--root", repo.resolve(c.root()).toString());
      List<String> scanArgs = new ArrayList<>(List.of("scan", "--format", "json"));
      scanArgs.addAll(rootArgs);
      c.paths().forEach(p -> scanArgs.add(repo.resolve(p).toString()));
      Run scan = run(scanArgs.toArray(String[]::new));
      List<String> reported = new ArrayList<>();
      for (JsonNode f : new ObjectMapper().readTree(scan.out()).get("findings")) {
        if (f.get("ruleId").asText().equals("user-root")) {
          reported.add(f.get("path").asText() + " " + f.get("severity").asText());
        }
      }
      List<String> expectedScan =
          c.paths().stream()
              .map(p -> c.expected().get(p))
              .filter(e -> !e.endsWith(" off"))
              .sorted()
              .toList();
      assertEquals(expectedScan, reported.stream().sorted().toList(), c.name() + ": scan");

      for (String p : c.paths()) {
        List<String> configArgs = new ArrayList<>(List.of("config", "--print"));
        configArgs.addAll(rootArgs);
        configArgs.add(repo.resolve(p).toString());
        Run config = run(configArgs.toArray(String[]::new));
        assertEquals(0, config.code(), c.name() + ": " + config.err());
        String userRoot =
            config
                .out()
                .lines()
                .filter(l -> l.trim().startsWith("user-root "))
                .findFirst()
                .orElseThrow();
        String level = c.expected().get(p).split(" ")[1];
        assertEquals(level, userRoot.trim().split("\\s+")[1], c.name() + ": config for " + p);
        String reportedPath = c.expected().get(p).split(" ")[0];
        assertTrue(
            config.out().startsWith("# Effective Hullcheck policy for " + reportedPath + "\n"),
            c.name() + ": " + config.out());
      }
    }
  }

  /** A file named on the command line that the policy excludes is not checked, and scan says so. */
  @Test
  void aNamedFileThePolicyExcludesIsNotedOnStandardError() throws IOException {
    write(".hullcheck.yml", "paths:\n  exclude: [\"legacy/**\"]\n");
    write("legacy/Dockerfile", Files.readString(repo.resolve("Dockerfile")));
    Run scan = run("scan", repo.resolve("legacy/Dockerfile").toString());
    assertEquals(0, scan.code(), scan.err());
    assertEquals(
        "hullcheck: note: legacy/Dockerfile is excluded by the policy's paths and was not checked\n",
        scan.err());
    assertTrue(scan.out().contains("in 0 files"), scan.out());
    Run fix = run("fix", repo.resolve("legacy/Dockerfile").toString());
    assertTrue(fix.err().startsWith("hullcheck: note: legacy/Dockerfile is excluded"), fix.err());
    Run directory = run("scan", repo.toString());
    assertFalse(directory.err().contains("excluded"), directory.err());
  }

  @Test
  void failOnNeverPasses() throws IOException {
    write(".github/hullcheck.yml", "fail_on: never\nrules:\n  user-root: error\n");
    assertEquals(0, run("scan", repo.toString()).code());
  }

  @Test
  void brokenPolicyExitsTwoWithLineColumnAndAllowedValues() throws IOException {
    write(
        ".github/hullcheck.yml",
        """
        rules:
          base-image-full: off
          user-root: eror
        review:
          max_coments: 3
        """);
    Run r = run("scan", repo.toString());
    assertEquals(2, r.code());
    assertEquals("", r.out(), "nothing is checked under a broken policy");
    assertEquals(
        String.join(
            "\n",
            ".github/hullcheck.yml:3:14: the severity of rule `user-root` must be one of off,"
                + " info, warning, error, found string `eror`; did you mean `error`?",
            ".github/hullcheck.yml:5:3: unknown key `max_coments` in `review`; allowed:"
                + " max_comments, suggestions, event, only_new, drafts; did you mean"
                + " `max_comments`?",
            "hullcheck: the policy has errors; nothing was checked",
            ""),
        r.err());
  }

  @Test
  void configPrintShowsTheEffectivePolicyForAPathAndWhy() throws IOException {
    write(
        ".hullcheck.yml",
        """
        extends: minimal
        rules:
          user-root: error
        overrides:
          - files: [legacy/**]
            rules:
              user-root: off
        """);
    Run r = run("config", "--print", "--root", repo.toString(), "legacy/app/Dockerfile");
    assertEquals(0, r.code(), r.err());
    assertEquals(
        "hullcheck: note: legacy/app/Dockerfile does not exist; showing the policy a file there"
            + " would get\n",
        r.err());
    String out = r.out();
    assertTrue(out.startsWith("# Effective Hullcheck policy for legacy/app/Dockerfile\n"), out);
    assertTrue(out.contains("\npolicy file: .hullcheck.yml\n"), out);
    assertTrue(out.contains("\nroot: " + repo.toAbsolutePath().normalize() + "\n"), out);
    assertTrue(out.contains("\npacks: default, minimal\n"), out);
    assertTrue(out.contains("  .hullcheck.yml overrides[0] (files: legacy/**): applies\n"), out);
    String userRoot =
        out.lines().filter(l -> l.trim().startsWith("user-root ")).findFirst().orElseThrow();
    assertEquals(
        "user-root off on by default at warning; .hullcheck.yml:3:3 rules.user-root: error;"
            + " .hullcheck.yml:7:7 rules.user-root: off (override for legacy/**)",
        userRoot.trim().replaceAll(" {2,}", " "));
    String baseImage =
        out.lines().filter(l -> l.trim().startsWith("base-image-full ")).findFirst().orElseThrow();
    assertTrue(baseImage.contains("policies/minimal.yml:"), baseImage);
    assertTrue(baseImage.contains("categories.base-image: off"), baseImage);
  }

  @Test
  void configPrintForAnExistingFileSaysNothingOnStandardError() throws IOException {
    Run r =
        run("config", "--print", "--root", repo.toString(), repo.resolve("Dockerfile").toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().startsWith("# Effective Hullcheck policy for Dockerfile\n"), r.out());
  }

  @Test
  void configPrintWithABrokenPolicyExitsTwo() throws IOException {
    write(".hullcheck.yml", "extends: strikt\n");
    Run r = run("config", "--print", "--root", repo.toString());
    assertEquals(2, r.code());
    assertTrue(
        r.err()
            .startsWith(
                ".hullcheck.yml:1:10: `extends` must be one of default, strict, minimal, found string"
                    + " `strikt`; did you mean `strict`?\n"),
        r.err());
  }

  @Test
  void configWithoutPrintIsAUsageError() {
    Run r = run("config", "--root", repo.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("use config --print"), r.err());
  }
}
