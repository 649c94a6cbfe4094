package io.hullcheck.github;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/**
 * Writes commits from in-memory snapshots of files straight into a repository's object database,
 * without a working tree: how {@code hullcheck demo} turns {@code examples/demo/base} and {@code
 * head} into a pull request, and how tests build repositories (symbolic links included, which a
 * checkout on some systems cannot represent).
 */
public final class Snapshots {
  /** A file's content and mode in a snapshot. */
  public record Entry(byte[] content, FileMode mode) {
    public static Entry file(String text) {
      return new Entry(
          text.getBytes(java.nio.charset.StandardCharsets.UTF_8), FileMode.REGULAR_FILE);
    }

    public static Entry bytes(byte[] content) {
      return new Entry(content, FileMode.REGULAR_FILE);
    }

    public static Entry symlink(String target) {
      return new Entry(target.getBytes(java.nio.charset.StandardCharsets.UTF_8), FileMode.SYMLINK);
    }
  }

  private Snapshots() {}

  /**
   * Commits {@code files} (path → entry, {@code /}-separated) as the whole tree, on top of {@code
   * parent} (or as a root commit when null), and points {@code ref} at it.
   *
   * @return the new commit's id
   */
  public static ObjectId commit(
      Repository repo, String ref, ObjectId parent, Map<String, Entry> files, String message)
      throws IOException {
    try (ObjectInserter ins = repo.newObjectInserter()) {
      DirCache dc = DirCache.newInCore();
      DirCacheBuilder b = dc.builder();
      for (Map.Entry<String, Entry> f : new TreeMap<>(files).entrySet()) {
        DirCacheEntry e = new DirCacheEntry(f.getKey());
        e.setFileMode(f.getValue().mode());
        e.setObjectId(ins.insert(Constants.OBJ_BLOB, f.getValue().content()));
        b.add(e);
      }
      b.finish();
      ObjectId tree = dc.writeTree(ins);
      CommitBuilder cb = new CommitBuilder();
      cb.setTreeId(tree);
      if (parent != null) {
        cb.setParentId(parent);
      }
      PersonIdent who =
          new PersonIdent(
              "Hullcheck Demo",
              "demo@hullcheck.invalid",
              Instant.parse("2026-01-01T00:00:00Z"),
              ZoneOffset.UTC);
      cb.setAuthor(who);
      cb.setCommitter(who);
      cb.setMessage(message);
      ObjectId id = ins.insert(cb);
      ins.flush();
      RefUpdate ru = repo.updateRef(ref);
      ru.setNewObjectId(id);
      ru.setForceUpdate(true);
      RefUpdate.Result r = ru.update();
      if (r != RefUpdate.Result.NEW
          && r != RefUpdate.Result.FORCED
          && r != RefUpdate.Result.FAST_FORWARD
          && r != RefUpdate.Result.NO_CHANGE) {
        throw new IOException("cannot update " + ref + ": " + r);
      }
      return id;
    }
  }

  /** Every regular file under {@code dir}, keyed by its {@code /}-separated relative path. */
  public static Map<String, Entry> readDirectory(Path dir) throws IOException {
    Map<String, Entry> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          String rel = dir.relativize(p).toString().replace('\\', '/');
          out.put(rel, Entry.bytes(Files.readAllBytes(p)));
        }
      }
    }
    return out;
  }
}
