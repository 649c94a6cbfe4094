package io.hullcheck.github;

import io.hullcheck.job.FetchException;
import io.hullcheck.job.FetchResult;
import io.hullcheck.job.FetchedFile;
import io.hullcheck.job.GitCredentials;
import io.hullcheck.job.Listing;
import io.hullcheck.job.SourceFetcher;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.FilterSpec;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches just the files a job reads, with JGit, into a temporary bare repository that is deleted
 * before {@link #fetch} returns:
 *
 * <ol>
 *   <li>a depth-1 fetch of the wanted commits by sha with the {@code blob:none} filter (trees
 *       only);
 *   <li>a fetch of exactly the wanted blobs by id;
 *   <li>when the server refuses filters or the blob fetch, a plain depth-1 fetch of the commits.
 * </ol>
 *
 * Symbolic links are read as their target text and never followed; submodules and directories are
 * {@link FetchedFile.Kind#OTHER}. Credentials go through a {@link CredentialsProvider}, never into
 * a URL or a log line. {@code bytesReceived} is the size of the packs written by the fetches.
 * Thread- safe: calls share nothing.
 */
public final class JGitFetcher implements SourceFetcher {
  private static final Logger log = LoggerFactory.getLogger(JGitFetcher.class);

  private final Path tempRoot;
  private final int timeoutSeconds;

  /** Temporary repositories under the JVM's temp directory, 120 s network timeout. */
  public JGitFetcher() {
    this(Path.of(System.getProperty("java.io.tmpdir")), 120);
  }

  public JGitFetcher(Path tempRoot, int timeoutSeconds) {
    this.tempRoot = tempRoot;
    this.timeoutSeconds = timeoutSeconds;
  }

  @Override
  public FetchResult fetch(
      String cloneUrl, GitCredentials credentials, Map<String, Set<String>> wanted) {
    return fetch(cloneUrl, credentials, wanted, new Request(Set.of(), p -> false, 0));
  }

  @Override
  public FetchResult fetch(
      String cloneUrl, GitCredentials credentials, Map<String, Set<String>> wanted, Request list) {
    if (wanted.isEmpty() && list.listed().isEmpty()) {
      return new FetchResult(Map.of(), 0, true);
    }
    Path dir;
    try {
      dir = Files.createTempDirectory(tempRoot, "hullcheck-fetch-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary repository", e);
    }
    try {
      URIish uri = new URIish(cloneUrl);
      if (uri.getPass() != null || uri.getUser() != null) {
        throw new FetchException("the clone URL must not carry credentials", null);
      }
      CredentialsProvider cp =
          credentials == null || credentials.anonymous()
              ? null
              : new UsernamePasswordCredentialsProvider(
                  credentials.username(), credentials.secret());
      try {
        return attempt(dir.resolve("partial.git"), uri, cp, wanted, list, /* blobless= */ true);
      } catch (org.eclipse.jgit.errors.TransportException | MissingObjectException e) {
        if (authProblem(e)) {
          throw new FetchException("the server refused the credentials for " + safe(uri), e);
        }
        log.info("fetch: partial fetch not possible ({}), falling back to depth 1", e.getMessage());
        return attempt(dir.resolve("full.git"), uri, cp, wanted, list, /* blobless= */ false);
      }
    } catch (IOException | java.net.URISyntaxException e) {
      if (e instanceof org.eclipse.jgit.errors.TransportException && authProblem(e)) {
        throw new FetchException("the server refused the credentials for " + safeUrl(cloneUrl), e);
      }
      throw new FetchException("fetch from " + safeUrl(cloneUrl) + " failed: " + e.getMessage(), e);
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * One try in a fresh bare repository: with {@code blobless}, trees first and then only the wanted
   * blobs; without, a plain depth-1 fetch.
   */
  private FetchResult attempt(
      Path gitDir,
      URIish uri,
      CredentialsProvider cp,
      Map<String, Set<String>> wanted,
      Request list,
      boolean blobless)
      throws IOException {
    try (Repository repo = FileRepositoryBuilder.create(gitDir.toFile())) {
      repo.create(/* bare= */ true);
      // JGit runs an automatic gc after each fetch, detached by default: a background thread that
      // locks gc.log in this directory while it is being deleted, failing the job. A throw-away
      // repository needs no gc.
      repo.getConfig().setInt("gc", null, "auto", 0);
      repo.getConfig().setBoolean("gc", null, "autoDetach", false);
      repo.getConfig().save();
      Set<String> commits = new LinkedHashSet<>(wanted.keySet());
      commits.addAll(list.listed());
      List<String> shas = new ArrayList<>(commits);
      fetchCommits(repo, uri, cp, shas, blobless);
      // File names come from the tree objects the blob:none fetch brought; the listed paths the
      // caller also wants join the blob fetch below.
      Map<String, Listing> listings = new LinkedHashMap<>();
      Map<String, Set<String>> all = new LinkedHashMap<>();
      wanted.forEach((sha, paths) -> all.put(sha, new LinkedHashSet<>(paths)));
      for (String sha : list.listed()) {
        Listing listing = list(repo, sha, list.limit());
        listings.put(sha, listing);
        Set<String> more = all.computeIfAbsent(sha, k -> new LinkedHashSet<>());
        listing.paths().stream().filter(list.alsoWanted()).forEach(more::add);
      }
      Map<String, Map<String, Entry>> entries = locate(repo, all);
      if (blobless) {
        fetchBlobs(repo, uri, cp, entries);
      }
      Map<String, Map<String, FetchedFile>> files = read(repo, entries);
      long bytes = packBytes(gitDir);
      log.info("fetch: commits={} bytes_received={} filtered={}", shas.size(), bytes, blobless);
      return new FetchResult(files, bytes, blobless, listings);
    }
  }

  /** The regular files of a commit's tree, by name only: no blob is read. */
  private static Listing list(Repository repo, String sha, int limit) throws IOException {
    List<String> paths = new ArrayList<>();
    boolean truncated = false;
    try (RevWalk walk = new RevWalk(repo);
        TreeWalk tw = new TreeWalk(repo)) {
      tw.addTree(walk.parseCommit(ObjectId.fromString(sha)).getTree());
      tw.setRecursive(true);
      while (tw.next()) {
        FileMode mode = tw.getFileMode(0);
        if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
          continue;
        }
        if (paths.size() == limit) {
          truncated = true;
          break;
        }
        paths.add(tw.getPathString());
      }
    }
    paths.sort(null);
    return new Listing(paths, truncated);
  }

  /** Depth-1 fetch of the commits by sha, trees only when {@code blobless}. */
  private void fetchCommits(
      Repository repo, URIish uri, CredentialsProvider cp, List<String> shas, boolean blobless)
      throws IOException {
    List<RefSpec> specs = new ArrayList<>();
    for (int i = 0; i < shas.size(); i++) {
      specs.add(new RefSpec(shas.get(i) + ":refs/hullcheck/commit-" + i));
    }
    try (Transport t = Transport.open(repo, uri)) {
      t.setCredentialsProvider(cp);
      t.setTimeout(timeoutSeconds);
      t.setDepth(1);
      if (blobless) {
        t.setFilterSpec(FilterSpec.fromFilterLine("blob:none"));
      }
      t.fetch(NullProgressMonitor.INSTANCE, specs);
    }
  }

  /** Fetches the blobs of the wanted files and links by id; the server must allow any sha. */
  private void fetchBlobs(
      Repository repo, URIish uri, CredentialsProvider cp, Map<String, Map<String, Entry>> entries)
      throws IOException {
    Set<ObjectId> blobs = new LinkedHashSet<>();
    try (ObjectReader reader = repo.newObjectReader()) {
      for (Map<String, Entry> byPath : entries.values()) {
        for (Entry e : byPath.values()) {
          if (e.id() != null && !reader.has(e.id())) {
            blobs.add(e.id());
          }
        }
      }
    }
    if (blobs.isEmpty()) {
      return;
    }
    List<RefSpec> specs = new ArrayList<>();
    int i = 0;
    for (ObjectId id : blobs) {
      specs.add(new RefSpec(id.name() + ":refs/hullcheck/blob-" + i++));
    }
    try (Transport t = Transport.open(repo, uri)) {
      t.setCredentialsProvider(cp);
      t.setTimeout(timeoutSeconds);
      t.fetch(NullProgressMonitor.INSTANCE, specs);
    }
  }

  /** A tree entry: what kind, and the blob to read (null when there is nothing to read). */
  private record Entry(String path, FetchedFile.Kind kind, ObjectId id) {}

  private static Map<String, Map<String, Entry>> locate(
      Repository repo, Map<String, Set<String>> wanted) throws IOException {
    Map<String, Map<String, Entry>> out = new LinkedHashMap<>();
    try (RevWalk walk = new RevWalk(repo)) {
      for (Map.Entry<String, Set<String>> w : wanted.entrySet()) {
        RevCommit commit = walk.parseCommit(ObjectId.fromString(w.getKey()));
        Map<String, Entry> byPath = new LinkedHashMap<>();
        for (String path : w.getValue()) {
          byPath.put(path, entry(repo, commit, path));
        }
        out.put(w.getKey(), byPath);
      }
    }
    return out;
  }

  private static Entry entry(Repository repo, RevCommit commit, String path) throws IOException {
    try (TreeWalk tw = TreeWalk.forPath(repo, path, commit.getTree())) {
      if (tw == null) {
        return new Entry(path, FetchedFile.Kind.MISSING, null);
      }
      FileMode mode = tw.getFileMode(0);
      if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
        return new Entry(path, FetchedFile.Kind.FILE, tw.getObjectId(0));
      }
      if (mode == FileMode.SYMLINK) {
        return new Entry(path, FetchedFile.Kind.SYMLINK, tw.getObjectId(0));
      }
      return new Entry(path, FetchedFile.Kind.OTHER, null);
    }
  }

  private static Map<String, Map<String, FetchedFile>> read(
      Repository repo, Map<String, Map<String, Entry>> entries) throws IOException {
    Map<String, Map<String, FetchedFile>> out = new LinkedHashMap<>();
    try (ObjectReader reader = repo.newObjectReader()) {
      for (Map.Entry<String, Map<String, Entry>> c : entries.entrySet()) {
        Map<String, FetchedFile> byPath = new LinkedHashMap<>();
        for (Entry e : c.getValue().values()) {
          byte[] content = e.id() == null ? new byte[0] : reader.open(e.id()).getBytes();
          byPath.put(e.path(), new FetchedFile(e.path(), e.kind(), content));
        }
        out.put(c.getKey(), byPath);
      }
    }
    return out;
  }

  private static boolean authProblem(Exception e) {
    String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    return m.contains("not authorized") || m.contains("authentication is required");
  }

  /** Sum of the pack files the fetches wrote: what came over the wire. */
  private static long packBytes(Path gitDir) throws IOException {
    Path packs = gitDir.resolve("objects/pack");
    if (!Files.isDirectory(packs)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(packs)) {
      return s.filter(p -> p.toString().endsWith(".pack"))
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    }
  }

  private static String safe(URIish uri) {
    return uri.setUser(null).setPass(null).toString();
  }

  private static String safeUrl(String url) {
    try {
      return safe(new URIish(url));
    } catch (java.net.URISyntaxException e) {
      return "the repository";
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      log.warn("fetch: could not delete temporary repository {}: {}", dir, e.getMessage());
    }
  }
}
