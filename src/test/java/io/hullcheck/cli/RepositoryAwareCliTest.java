package io.hullcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.policy.PolicyResult;
import io.hullcheck.rules.dockerfile.BuildContextSecrets;
import io.hullcheck.rules.dockerfile.ImageScanMissing;
import io.hullcheck.rules.dockerfile.MaintainerDeprecated;
import io.hullcheck.testing.TestPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository-aware rules from the command line, on a directory on disk. */
class RepositoryAwareCliTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PolicyResult policy =
        new PolicyResult(
            TestPolicy.only("build-context-secrets", "image-scan-missing", "maintainer-deprecated"),
            List.of(),
            null);
    CliContext context =
        new CliContext(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            (root, config) -> policy,
            Map.of(),
            List.of(new BuildContextSecrets(), new ImageScanMissing(), new MaintainerDeprecated()));
    int code = Main.run(context, args);
    return new Run(code, out.toString(), err.toString());
  }

  private void write(String rel, String text) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  @Test
  void theGitDirectoryAndSecretsAreNamedAndTheFixWritesOneIgnoreFileForBothDockerfiles()
      throws IOException {
    write("Dockerfile", "FROM alpine:3.20\nCOPY . /app\n");
    write("worker.Dockerfile", "FROM alpine:3.20\nCOPY . /srv\n");
    write(".git/config", "[core]\n");
    write(".env", "X=1\n");
    write(".github/workflows/ci.yml", "on: push\njobs:\n  s:\n    steps:\n      - run: grype .\n");
    Run scan = run("scan", dir.toString());
    assertEquals(1, scan.code(), scan.err());
    assertTrue(scan.out().contains("Dockerfile:2:6: error [build-context-secrets]"), scan.out());
    assertTrue(scan.out().contains(".env (dotenv file), .git (the git repository"), scan.out());
    assertFalse(scan.out().contains("image-scan-missing"), scan.out());

    Run fix = run("fix", dir.toString());
    assertEquals(0, fix.code(), fix.err());
    assertEquals(".env\n.git\n", Files.readString(dir.resolve(".dockerignore")));
    // Only the ignore file was written, once for both Dockerfiles: that is the count.
    assertTrue(fix.err().contains("Applied 1 fix in 1 file\n"), fix.err());
    Run again = run("scan", dir.toString());
    assertEquals(0, again.code(), again.out());
  }

  /** The summary counts files written: the Dockerfile and the ignore file its fix creates. */
  @Test
  void theFixSummaryCountsTheIgnoreFileItWrites() throws IOException {
    write("app/Dockerfile", "FROM alpine:3.20\nMAINTAINER me\nCOPY . /app\n");
    write("app/.env", "X=1\n");
    write(".github/workflows/ci.yml", "on: push\njobs:\n  s:\n    steps:\n      - run: grype .\n");
    Run fix = run("fix", dir.toString());
    assertEquals(0, fix.code(), fix.err());
    assertEquals(".env\n", Files.readString(dir.resolve("app/.dockerignore")));
    assertTrue(fix.err().contains("Applied 2 fixes in 2 files\n"), fix.err());
  }

  @Test
  void anUnreadableWorkflowIsAProblemWithLineAndColumnAndNoGuess() throws IOException {
    write("Dockerfile", "FROM alpine:3.20\n");
    write(".github/workflows/ci.yml", "on: push\njobs:\n  t: [unclosed\n");
    Run scan = run("scan", dir.toString());
    assertEquals(Main.EXIT_USAGE, scan.code());
    String all = scan.out() + scan.err();
    assertTrue(
        all.contains(".github/workflows/ci.yml:4:1: problem: cannot read this workflow"), all);
    assertFalse(all.contains("image-scan-missing"), all);
    assertFalse(all.contains("Exception"), all);
  }

  @Test
  void withoutWorkflowsTheFirstDockerfileCarriesTheFindingOnce() throws IOException {
    write("b/Dockerfile", "FROM alpine:3.20\n");
    write("a/Dockerfile", "FROM alpine:3.20 AS build\nFROM scratch\n");
    Run scan = run("scan", dir.toString());
    assertTrue(scan.out().contains("a/Dockerfile:2:6: info [image-scan-missing]"), scan.out());
    assertEquals(1, scan.out().split("image-scan-missing", -1).length - 1, scan.out());
    assertTrue(scan.out().contains("aquasecurity/trivy-action"), scan.out());
  }

  /**
   * The first Dockerfiles in path order give the finding no FROM to stand on (binary, no
   * instructions, no FROM): the next one that has a final image carries it, once.
   */
  @Test
  void aFirstDockerfileWithoutAFinalImagePassesTheFindingOn() throws IOException {
    write("a/Dockerfile", "RUN echo no from here\n");
    write("b/Dockerfile", "# nothing but a comment\n");
    Files.write(dir.resolve("c.Dockerfile"), new byte[] {'F', 0, 'R', 0});
    write("d/Dockerfile", "FROM alpine:3.20\n");
    write("e/Dockerfile", "FROM alpine:3.20\n");
    Run scan = run("scan", dir.toString());
    assertTrue(scan.out().contains("d/Dockerfile:1:6: info [image-scan-missing]"), scan.out());
    assertEquals(1, scan.out().split("image-scan-missing", -1).length - 1, scan.out());
  }

  @Test
  void symbolicLinksAreNeitherFollowedNorListed() throws IOException {
    write("Dockerfile", "FROM alpine:3.20\nCOPY . /app\n");
    write("elsewhere/real.env", "X=1\n");
    Files.createDirectories(dir.resolve("ctx"));
    Files.createSymbolicLink(dir.resolve(".env"), dir.resolve("elsewhere/real.env"));
    write(".dockerignore", "elsewhere\n");
    Run scan = run("scan", dir.toString());
    assertFalse(scan.out().contains("build-context-secrets"), scan.out());
  }
}
