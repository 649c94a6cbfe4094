package io.hullcheck.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.job.FetchException;
import io.hullcheck.job.FetchResult;
import io.hullcheck.job.FetchedFile;
import io.hullcheck.job.GitCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JGitFetcher} against a real git server on loopback holding 24 MB of unrelated random
 * blobs: only the wanted blobs travel, the fallback works where filters are refused, credentials
 * are required and never needed in the URL, and nothing is left behind.
 */
class JGitFetcherTest {
  private static final int BIG_FILES = 12;
  private static final int BIG_SIZE = 2 * 1024 * 1024;

  @TempDir static Path tmp;
  static Repository served;
  static ObjectId base;
  static ObjectId head;

  @BeforeAll
  static void buildRepository() throws IOException {
    served = FileRepositoryBuilder.create(tmp.resolve("served.git").toFile());
    served.create(true);
    Map<String, Snapshots.Entry> files = new LinkedHashMap<>();
    Random random = new Random(42);
    for (int i = 0; i < BIG_FILES; i++) {
      byte[] big = new byte[BIG_SIZE];
      random.nextBytes(big);
      files.put("assets/blob-" + i + ".bin", Snapshots.Entry.bytes(big));
    }
    files.put("app/Dockerfile", Snapshots.Entry.file("FROM python:3.12\nCMD [\"python\"]\n"));
    files.put(".hullcheck.yml", Snapshots.Entry.file("fail_on: error\n"));
    base = Snapshots.commit(served, "refs/heads/main", null, files, "base");
    files.put("app/Dockerfile", Snapshots.Entry.file("FROM python:latest\nCMD [\"python\"]\n"));
    files.put("compose.yaml", Snapshots.Entry.file("services:\n  web:\n    image: nginx\n"));
    files.put("Dockerfile.link", Snapshots.Entry.symlink("/etc/passwd"));
    files.put("tool.bin", Snapshots.Entry.bytes(new byte[] {1, 0, 2, 0}));
    head = Snapshots.commit(served, "refs/heads/pr", base, files, "head");
  }

  @AfterAll
  static void close() {
    served.close();
  }

  private static Map<String, Set<String>> wanted() {
    Map<String, Set<String>> w = new LinkedHashMap<>();
    w.put(base.name(), Set.of(".github/hullcheck.yml", ".hullcheck.yml", "app/Dockerfile"));
    w.put(
        head.name(),
        Set.of("app/Dockerfile", "compose.yaml", "Dockerfile.link", "tool.bin", "assets"));
    return w;
  }

  private static void assertContents(FetchResult r) {
    assertEquals(
        "FROM python:3.12\nCMD [\"python\"]\n", r.file(base.name(), "app/Dockerfile").text());
    assertEquals(
        "FROM python:latest\nCMD [\"python\"]\n", r.file(head.name(), "app/Dockerfile").text());
    assertEquals("fail_on: error\n", r.file(base.name(), ".hullcheck.yml").text());
    assertEquals(FetchedFile.Kind.MISSING, r.file(base.name(), ".github/hullcheck.yml").kind());
    FetchedFile link = r.file(head.name(), "Dockerfile.link");
    assertEquals(FetchedFile.Kind.SYMLINK, link.kind());
    assertEquals("/etc/passwd", link.text(), "a link is its target text, never followed");
    assertTrue(r.file(head.name(), "tool.bin").binary());
    assertEquals(FetchedFile.Kind.OTHER, r.file(head.name(), "assets").kind());
  }

  @Test
  void partialFetchMovesOnlyTheWantedBlobs() throws IOException {
    Path work = Files.createDirectories(tmp.resolve("work-partial"));
    try (LoopbackGitServer server = LoopbackGitServer.start(served)) {
      FetchResult r =
          new JGitFetcher(work, 60).fetch(server.url(), GitCredentials.ANONYMOUS, wanted());
      assertContents(r);
      assertTrue(r.filtered());
      long repoSize = (long) BIG_FILES * BIG_SIZE;
      assertTrue(
          r.bytesReceived() < 64 * 1024,
          "received " + r.bytesReceived() + " bytes from a " + repoSize + "-byte repository");
      assertTrue(server.bytesSent() < 128 * 1024, "server sent " + server.bytesSent());
    }
    assertEmpty(work);
  }

  @Test
  void fallsBackToDepthOneWhenFiltersAreRefused() throws IOException {
    Path work = Files.createDirectories(tmp.resolve("work-fallback"));
    try (LoopbackGitServer server = LoopbackGitServer.start(served, false, null, null)) {
      FetchResult r =
          new JGitFetcher(work, 60).fetch(server.url(), GitCredentials.ANONYMOUS, wanted());
      assertContents(r);
      assertFalse(r.filtered());
      assertTrue(r.bytesReceived() > (long) BIG_FILES * BIG_SIZE / 2, "the fallback moves blobs");
    }
    assertEmpty(work);
  }

  @Test
  void credentialsTravelThroughTheProviderOnly() throws IOException {
    Path work = Files.createDirectories(tmp.resolve("work-auth"));
    try (LoopbackGitServer server =
        LoopbackGitServer.start(served, true, "x-access-token", "s3cret-token")) {
      FetchResult r =
          new JGitFetcher(work, 60)
              .fetch(server.url(), new GitCredentials("x-access-token", "s3cret-token"), wanted());
      assertContents(r);
      FetchException refused =
          assertThrows(
              FetchException.class,
              () ->
                  new JGitFetcher(work, 60)
                      .fetch(
                          server.url(), new GitCredentials("x-access-token", "wrong"), wanted()));
      assertFalse(refused.getMessage().contains("wrong"), refused.getMessage());
      String withUser = server.url().replace("http://", "http://x-access-token:t@");
      assertThrows(
          FetchException.class,
          () -> new JGitFetcher(work, 60).fetch(withUser, GitCredentials.ANONYMOUS, wanted()));
    }
    assertEmpty(work);
  }

  private static void assertEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(0, s.count(), "temporary repositories are deleted");
    }
  }
}
