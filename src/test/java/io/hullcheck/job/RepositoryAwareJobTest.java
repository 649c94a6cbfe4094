package io.hullcheck.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.engine.Engine;
import io.hullcheck.engine.RepositoryTree;
import io.hullcheck.github.JGitFetcher;
import io.hullcheck.github.LocalPrHost;
import io.hullcheck.github.LoopbackGitServer;
import io.hullcheck.github.Snapshots;
import io.hullcheck.rules.BuildContext;
import io.hullcheck.rules.Registry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository-aware rules on the App's path: a real repository served on loopback, the JGit
 * fetcher listing trees without blobs, and the stand-in GitHub receiving the review.
 */
class RepositoryAwareJobTest {
  static final String DOCKERFILE = "FROM python:3.12-slim\nUSER 10001\nCOPY . /app\n";

  @TempDir Path tmp;
  Repository repo;
  LoopbackGitServer server;

  @BeforeEach
  void setUp() throws IOException {
    repo = FileRepositoryBuilder.create(tmp.resolve("r.git").toFile());
    repo.create(true);
    server = LoopbackGitServer.start(repo);
  }

  @AfterEach
  void tearDown() {
    server.close();
    repo.close();
  }

  ObjectId commit(ObjectId parent, Map<String, String> files) throws IOException {
    Map<String, Snapshots.Entry> entries = new LinkedHashMap<>();
    files.forEach((k, v) -> entries.put(k, Snapshots.Entry.file(v)));
    return Snapshots.commit(repo, "refs/heads/x", parent, entries, "c");
  }

  LocalPrHost review(ObjectId b, ObjectId h) {
    LocalPrHost host = new LocalPrHost(repo, PrJobTest.PR, server.url(), b.name(), PrJobTest.CLOCK);
    host.push(h.name());
    new PrJob(host, new JGitFetcher(tmp, 30), new Engine(Registry.all()), JobSettings.defaults())
        .run(new JobRequest(PrJobTest.PR, h.name(), "opened"), () -> false);
    return host;
  }

  static String allText(LocalPrHost host) {
    StringBuilder sb = new StringBuilder();
    host.reviews().forEach(r -> r.comments().forEach(c -> sb.append(c.body()).append('\n')));
    host.checkRuns()
        .forEach(c -> c.annotations().forEach(a -> sb.append(a.message()).append('\n')));
    return sb.toString();
  }

  @Test
  void secretsInTheHeadTreeAreNamedAndTheWorkflowsAreRead() throws IOException {
    ObjectId b = commit(null, Map.of("README.md", "x\n"));
    ObjectId h =
        commit(
            b,
            Map.of(
                "README.md", "x\n",
                "svc/Dockerfile", DOCKERFILE,
                "svc/.env", "API_KEY=fixture\n",
                "svc/.dockerignore", "node_modules\n",
                "svc/app.py", "print(1)\n",
                ".github/workflows/ci.yml",
                    "on: push\njobs:\n  t:\n    steps:\n      - run: pytest\n"));
    LocalPrHost host = review(b, h);
    String text = allText(host);
    assertTrue(text.contains("copies secret files of the build context"), text);
    assertTrue(text.contains(".env (dotenv file)"), text);
    assertTrue(text.contains("svc/.dockerignore"), text);
    assertTrue(text.contains("None of the 1 workflows"), text);
  }

  @Test
  void anIgnoredSecretAndAScanningWorkflowFindNothing() throws IOException {
    ObjectId b = commit(null, Map.of("README.md", "x\n"));
    ObjectId h =
        commit(
            b,
            Map.of(
                "Dockerfile",
                DOCKERFILE,
                ".env",
                "API_KEY=fixture\n",
                ".dockerignore",
                "# local\n.env\n",
                ".github/workflows/scan.yaml",
                "on: push\njobs:\n  s:\n    steps:\n"
                    + "      - uses: aquasecurity/trivy-action@0.28.0\n"));
    String text = allText(review(b, h));
    assertFalse(text.contains("build context"), text);
    assertFalse(text.contains("image scanner"), text);
  }

  @Test
  void aBrokenWorkflowIsANoteWithItsLineNotAFinding() throws IOException {
    ObjectId b = commit(null, Map.of("README.md", "x\n"));
    ObjectId h =
        commit(
            b,
            Map.of(
                "Dockerfile", "FROM alpine:3.20\nUSER 10001\n",
                ".github/workflows/ci.yml", "on: push\njobs:\n  t: [unclosed\n"));
    LocalPrHost host = review(b, h);
    String text = allText(host);
    assertFalse(text.contains("image scanner"), text);
    String summary = host.checkRuns().get(0).summary() + host.checkRuns().get(0).text();
    assertTrue(summary.contains("`.github/workflows/ci.yml` (line 4, column 1)"), summary);
  }

  @Test
  void theFetcherListsNamesAndFetchesOnlyTheTextsRulesRead() throws IOException {
    ObjectId h =
        commit(
            null,
            Map.of(
                "Dockerfile", DOCKERFILE,
                ".env", "API_KEY=fixture\n",
                "keys/deploy.pem", "fixture\n",
                ".dockerignore", "dist\n"));
    FetchResult r =
        new JGitFetcher(tmp, 30)
            .fetch(
                server.url(),
                null,
                Map.of(h.name(), Set.of("Dockerfile")),
                new SourceFetcher.Request(
                    Set.of(h.name()), RepositoryTree::wantsText, BuildContext.MAX_FILES));
    assertTrue(r.filtered());
    assertEquals(
        List.of(".dockerignore", ".env", "Dockerfile", "keys/deploy.pem"),
        r.listing(h.name()).orElseThrow().paths());
    assertEquals(Set.of("Dockerfile", ".dockerignore"), r.files().get(h.name()).keySet());
    assertEquals("dist\n", r.file(h.name(), ".dockerignore").text());
  }
}
