package io.hullcheck.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.rules.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the policy is looked up on disk, and the data tables that ride along. */
class PolicyLoaderTest {
  @TempDir Path root;

  private void write(String path, String text) throws IOException {
    Path f = root.resolve(path);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
  }

  @Test
  void noFileMeansTheDefaultPack() {
    PolicyResult r = PolicyLoader.load(root, null);
    assertTrue(r.ok());
    assertNull(r.source());
    assertEquals(Severity.ERROR, r.policy().failOn());
  }

  @Test
  void githubLocationWinsOverTheRootOne() throws IOException {
    write(".github/hullcheck.yml", "fail_on: warning\n");
    write(".hullcheck.yml", "fail_on: info\n");
    PolicyResult r = PolicyLoader.load(root, null);
    assertEquals(".github/hullcheck.yml", r.source());
    assertEquals(Severity.WARNING, r.policy().failOn());
  }

  @Test
  void rootLocationIsTheFallback() throws IOException {
    write(".hullcheck.yml", "fail_on: info\n");
    PolicyResult r = PolicyLoader.load(root, null);
    assertEquals(".hullcheck.yml", r.source());
    assertEquals(Severity.INFO, r.policy().failOn());
  }

  @Test
  void explicitConfigOverridesTheLookup() throws IOException {
    write(".github/hullcheck.yml", "fail_on: warning\n");
    write("ci/policy.yml", "fail_on: never\n");
    PolicyResult r = PolicyLoader.load(root, root.resolve("ci/policy.yml"));
    assertTrue(r.ok());
    assertNull(r.policy().failOn());
  }

  @Test
  void missingExplicitConfigIsAnError() {
    PolicyResult r = PolicyLoader.load(root, root.resolve("nope.yml"));
    assertFalse(r.ok());
    assertNull(r.policy());
    assertTrue(r.errors().get(0).toString().endsWith("nope.yml:1:1: policy file not found"));
  }

  @Test
  void brokenFileIsNeverReplacedByDefaults() throws IOException {
    write(".github/hullcheck.yml", "fail_on: sometimes\n");
    write(".hullcheck.yml", "fail_on: info\n");
    PolicyResult r = PolicyLoader.load(root, null);
    assertNull(r.policy());
    assertEquals(".github/hullcheck.yml", r.errors().get(0).path());
  }

  @Test
  void hadolintConfigAtTheRootIsHonouredWithoutAPolicyFile() throws IOException {
    write(".hadolint.yaml", "ignored:\n  - DL3008\n");
    PolicyResult r = PolicyLoader.load(root, null);
    assertEquals(Set.of("DL3008"), r.policy().hadolintIgnored());
  }

  @Test
  void brokenHadolintConfigIsAPositionedError() throws IOException {
    write(".hadolint.yaml", "ignored: DL3008\n");
    PolicyResult r = PolicyLoader.load(root, null);
    assertEquals(
        List.of(
            ".hadolint.yaml:1:10: `ignored` must be a list of hadolint rule ids such as DL3008"),
        r.errors().stream().map(PolicyError::toString).toList());
  }

  @Test
  void parseReadsTextAsTheAppDoes() {
    PolicyResult r = PolicyLoader.parse(".github/hullcheck.yml", "fail_on: never\n");
    assertTrue(r.ok());
    assertEquals(".github/hullcheck.yml", r.source());
    assertNull(r.policy().failOn());
  }

  @Test
  void everyDataTableIsLoadedUnderItsBaseName() throws IOException {
    Path dir = Path.of("policies/data");
    List<String> expected;
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        expected =
            files
                .map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".yml"))
                .map(n -> n.substring(0, n.length() - 4))
                .sorted()
                .toList();
      }
    } else {
      expected = List.of();
    }
    assertEquals(expected, DataTables.names());
    for (String name : expected) {
      assertTrue(PolicyLoader.builtin("default").data().raw(name) != null, name);
    }
  }
}
