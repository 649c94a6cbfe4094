package io.hullcheck.cli;

import io.hullcheck.engine.FileProblem;
import io.hullcheck.engine.RepositoryTree;
import io.hullcheck.rules.BuildContext;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists a directory on disk as a {@link RepositoryTree}: regular files only, symbolic links neither
 * followed nor listed (Docker sends a link, not what it points to), a {@code .git} directory listed
 * as the single entry {@code .git}, {@code node_modules} not descended into, at most {@link
 * BuildContext#MAX_FILES} entries. The texts {@link RepositoryTree#wantsText} names are read as
 * UTF-8; one that cannot be read is a problem, and the listing goes on.
 */
public final class DiskTree {
  /** Texts larger than this are not read (an ignore file or workflow is far smaller). */
  static final long MAX_TEXT_BYTES = 1_000_000;

  private DiskTree() {}

  /**
   * The tree under {@code root}; problems met while reading texts are added to {@code problems}.
   */
  public static RepositoryTree read(Path root, List<FileProblem> problems) {
    List<String> paths = new ArrayList<>();
    Map<String, String> texts = new HashMap<>();
    boolean[] truncated = {false};
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              if (d.equals(root)) {
                return FileVisitResult.CONTINUE;
              }
              String name = d.getFileName().toString();
              if (name.equals(".git")) {
                return add(Workspace.relative(root, d)) ? FileVisitResult.SKIP_SUBTREE : stop();
              }
              return name.equals("node_modules")
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
              if (!attrs.isRegularFile()) {
                return FileVisitResult.CONTINUE;
              }
              String rel = Workspace.relative(root, f);
              if (!add(rel)) {
                return stop();
              }
              if (RepositoryTree.wantsText(rel)) {
                readText(f, rel, attrs.size(), texts, problems);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
              return FileVisitResult.CONTINUE;
            }

            private boolean add(String rel) {
              if (paths.size() == BuildContext.MAX_FILES) {
                return false;
              }
              paths.add(rel);
              return true;
            }

            private FileVisitResult stop() {
              truncated[0] = true;
              return FileVisitResult.TERMINATE;
            }
          });
    } catch (IOException e) {
      problems.add(
          new FileProblem(
              Workspace.relative(root, root), 1, 1, "cannot list: " + Workspace.describe(e)));
    }
    return new RepositoryTree(paths, truncated[0], texts);
  }

  private static void readText(
      Path f, String rel, long size, Map<String, String> texts, List<FileProblem> problems) {
    if (size > MAX_TEXT_BYTES) {
      problems.add(
          new FileProblem(rel, 1, 1, "not read: larger than " + MAX_TEXT_BYTES + " bytes"));
      return;
    }
    try {
      texts.put(rel, Workspace.read(f));
    } catch (CharacterCodingException e) {
      problems.add(new FileProblem(rel, 1, 1, "cannot read: the file is binary, not text"));
    } catch (IOException e) {
      problems.add(new FileProblem(rel, 1, 1, "cannot read: " + Workspace.describe(e)));
    }
  }
}
