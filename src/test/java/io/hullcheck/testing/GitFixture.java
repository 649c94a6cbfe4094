package io.hullcheck.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * A real git repository in a temporary directory for end-to-end tests: commits made from maps of
 * path → content, and the pull-request files between two commits shaped as GitHub's {@code
 * /pulls/{n}/files} lists them (status, previous name, and a {@code patch} of hunks without the
 * diff header).
 */
public final class GitFixture implements AutoCloseable {
  private static final PersonIdent AUTHOR =
      new PersonIdent("Test Author", "author@example.com", 1_700_000_000_000L, 0);

  private final Git git;
  private final Path dir;

  private GitFixture(Git git, Path dir) {
    this.git = git;
    this.dir = dir;
  }

  public static GitFixture create(Path dir) throws GitAPIException {
    return new GitFixture(
        Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
  }

  public Repository repository() {
    return git.getRepository();
  }

  /**
   * Writes {@code files} (a null value deletes the path) and commits on the current branch.
   *
   * @return the new commit's sha
   */
  public String commit(String message, Map<String, String> files)
      throws IOException, GitAPIException {
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path file = dir.resolve(e.getKey());
      if (e.getValue() == null) {
        git.rm().addFilepattern(e.getKey()).call();
      } else {
        Files.createDirectories(file.getParent());
        Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
        git.add().addFilepattern(e.getKey()).call();
      }
    }
    return git.commit()
        .setMessage(message)
        .setAuthor(AUTHOR)
        .setCommitter(AUTHOR)
        .setAllowEmpty(true)
        .call()
        .getName();
  }

  /**
   * Writes many files of the given size under {@code prefix}, unrelated to Docker, in one commit.
   */
  public String bulk(String prefix, int count, int bytes, long seed)
      throws IOException, GitAPIException {
    java.util.Random random = new java.util.Random(seed);
    byte[] content = new byte[bytes];
    for (int i = 0; i < count; i++) {
      random.nextBytes(content);
      Path file = dir.resolve(prefix + "/blob-" + i + ".bin");
      Files.createDirectories(file.getParent());
      Files.write(file, content);
    }
    git.add().addFilepattern(prefix).call();
    return git.commit()
        .setMessage("bulk " + prefix)
        .setAuthor(AUTHOR)
        .setCommitter(AUTHOR)
        .call()
        .getName();
  }

  /** The pull request's files from {@code base} to {@code head}, as GitHub lists them. */
  public List<ObjectNode> githubFiles(String base, String head) throws IOException {
    Repository repo = git.getRepository();
    List<ObjectNode> out = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repo);
        DiffFormatter names = new DiffFormatter(new ByteArrayOutputStream())) {
      names.setRepository(repo);
      names.setDiffComparator(RawTextComparator.DEFAULT);
      names.setDetectRenames(true);
      List<DiffEntry> entries =
          names.scan(
              walk.parseCommit(ObjectId.fromString(base)).getTree(),
              walk.parseCommit(ObjectId.fromString(head)).getTree());
      for (DiffEntry e : entries) {
        ObjectNode file = JsonNodeFactory.instance.objectNode();
        String path =
            e.getChangeType() == DiffEntry.ChangeType.DELETE ? e.getOldPath() : e.getNewPath();
        file.put("sha", e.getNewId().name());
        file.put("filename", path);
        file.put("status", status(e.getChangeType()));
        if (e.getChangeType() == DiffEntry.ChangeType.RENAME
            || e.getChangeType() == DiffEntry.ChangeType.COPY) {
          file.put("previous_filename", e.getOldPath());
        }
        String patch = patch(repo, e);
        if (patch != null) {
          file.put("patch", patch);
        }
        out.add(file);
      }
    }
    return out;
  }

  private static String patch(Repository repo, DiffEntry e) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (DiffFormatter formatter = new DiffFormatter(buffer)) {
      formatter.setRepository(repo);
      formatter.setContext(3);
      formatter.format(e);
    }
    String text = buffer.toString(StandardCharsets.UTF_8);
    int hunk = text.indexOf("@@");
    if (hunk < 0) {
      return null; // binary, or a rename without changes: GitHub sends no patch either
    }
    String patch = text.substring(hunk);
    return patch.endsWith("\n") ? patch.substring(0, patch.length() - 1) : patch;
  }

  private static String status(DiffEntry.ChangeType type) {
    return switch (type) {
      case ADD -> "added";
      case DELETE -> "removed";
      case RENAME -> "renamed";
      case COPY -> "copied";
      default -> "modified";
    };
  }

  @Override
  public void close() {
    git.close();
  }
}
