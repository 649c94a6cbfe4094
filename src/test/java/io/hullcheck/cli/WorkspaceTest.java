package io.hullcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hullcheck.engine.FileKind;
import io.hullcheck.engine.FileProblem;
import io.hullcheck.engine.InputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkspaceTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "services:\\n  web:\\n    image: x\\n | COMPOSE",
        "version: '3'\\nservices:\\n  a: {}\\n | COMPOSE",
        "# comment\\nARG V=1\\nFROM alpine:$V\\n | DOCKERFILE",
        "from alpine\\n | DOCKERFILE",
        "x:\\n  services:\\n    a: {}\\n | ",
        "hello\\n | ",
      })
  void kindFromContent(String text, FileKind kind) {
    assertEquals(Optional.ofNullable(kind), Workspace.kindFromContent(text.replace("\\n", "\n")));
  }

  @Test
  void discoversRecursivelyAndSkipsToolDirectories() throws IOException {
    write("Dockerfile", "FROM a\n");
    write("svc/api.Dockerfile", "FROM a\n");
    write("svc/compose.yaml", "services: {}\n");
    write("svc/.env", "TAG=1.2\n");
    write("svc/notes.txt", "FROM a\n");
    write("node_modules/pkg/Dockerfile", "FROM a\n");
    write(".git/Dockerfile", "FROM a\n");
    write("target/Dockerfile", "FROM a\n");
    Workspace ws = Workspace.open(List.of(dir), null, null);
    assertEquals(
        List.of("Dockerfile", "svc/api.Dockerfile", "svc/compose.yaml"),
        ws.inputs().stream().map(InputFile::path).toList());
    assertEquals(Map.of("TAG", "1.2"), ws.inputs().get(2).env());
    assertEquals(List.of(), ws.readProblems());
  }

  /**
   * What the walk does with an entry it cannot read: each row names the entry under the scanned
   * directory ({@code /} at the end for a directory) and the problem expected, if any. Directories
   * and Docker files hide what should be checked; other files and skipped tool directories do not.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "secret/ | secret:1:1 cannot list: permission denied",
        "svc/deep/ | svc/deep:1:1 cannot list: permission denied",
        "svc/Dockerfile | svc/Dockerfile:1:1 cannot list: permission denied",
        "svc/notes.txt | ",
        "node_modules/ | ",
      })
  void anEntryTheWalkCannotReadIsAProblemWhenItCouldHoldDockerFiles(String entry, String problem)
      throws IOException {
    Path path = dir.resolve(entry);
    if (entry.endsWith("/")) {
      Files.createDirectories(path);
    } else {
      write(entry, "FROM a\n");
    }
    List<FileProblem> problems = new java.util.ArrayList<>();
    Workspace.Discovery walk = new Workspace.Discovery(dir, dir, problems);
    walk.visitFileFailed(path, new java.nio.file.AccessDeniedException(path.toString()));
    assertEquals(
        problem == null ? List.of() : List.of(problem),
        problems.stream()
            .map(p -> p.path() + ":" + p.line() + ":" + p.column() + " " + p.message())
            .toList());
  }

  /** The same through a real walk; only where permissions bind (not as root). */
  @Test
  void anUnreadableDirectoryIsAProblemAndTheOthersAreStillFound() throws IOException {
    write("ok/Dockerfile", "FROM a\n");
    write("locked/Dockerfile", "FROM a\n");
    Path locked = dir.resolve("locked");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        locked.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Files.setPosixFilePermissions(locked, java.util.Set.of());
    try {
      org.junit.jupiter.api.Assumptions.assumeFalse(
          Files.isReadable(locked), "permissions do not bind for this user (root)");
      Workspace ws = Workspace.open(List.of(dir), null, null);
      assertEquals(List.of("ok/Dockerfile"), ws.inputs().stream().map(InputFile::path).toList());
      assertEquals(
          List.of("locked: cannot list: permission denied"),
          ws.readProblems().stream().map(p -> p.path() + ": " + p.message()).toList());
    } finally {
      Files.setPosixFilePermissions(
          locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void namedFilesAreAlwaysCheckedWithKindFromContentOrOption() throws IOException {
    Path stack = write("stack.yml", "services:\n  a:\n    image: x\n");
    Path build = write("build.txt", "FROM a\n");
    Path other = write("other.txt", "hello\n");
    Workspace ws = Workspace.open(List.of(stack, build, other), null, dir);
    assertEquals(
        List.of(FileKind.COMPOSE, FileKind.DOCKERFILE),
        ws.inputs().stream().map(InputFile::kind).toList());
    assertEquals(1, ws.readProblems().size());
    assertEquals("other.txt", ws.readProblems().get(0).path());
    Workspace forced = Workspace.open(List.of(other), FileKind.DOCKERFILE, dir);
    assertEquals(FileKind.DOCKERFILE, forced.inputs().get(0).kind());
  }

  @Test
  void unreadableFilesAreProblemsAndTheOthersContinue() throws IOException {
    Path bad = dir.resolve("Dockerfile.bin");
    Files.write(bad, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});
    write("Dockerfile", "FROM a\n");
    Workspace ws = Workspace.open(List.of(dir), null, null);
    assertEquals(List.of("Dockerfile"), ws.inputs().stream().map(InputFile::path).toList());
    assertEquals("Dockerfile.bin", ws.readProblems().get(0).path());
  }

  @Test
  void aMissingPathIsAProblemAndTheOthersContinue() throws IOException {
    Path real = write("Dockerfile", "FROM a\n");
    Workspace ws = Workspace.open(List.of(dir.resolve("nope"), real), null, dir);
    assertEquals(List.of("Dockerfile"), ws.inputs().stream().map(InputFile::path).toList());
    assertEquals(
        List.of(new FileProblem("nope", 1, 1, "no such file or directory")), ws.readProblems());
  }

  private Path write(String rel, String text) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  /**
   * With no policy above them, files named below the current directory keep it as their root, so
   * they are reported by the paths the user typed; one directory is still its own root.
   */
  @Test
  void withoutAPolicyFilesKeepTheCurrentDirectoryAsRoot() {
    Path cwd = Path.of("").toAbsolutePath().normalize();
    Path dockerfile = Path.of("examples/Dockerfile");
    Path compose = Path.of("examples/compose.yaml");
    assertEquals(cwd, Workspace.defaultRoot(List.of(dockerfile)));
    assertEquals(cwd, Workspace.defaultRoot(List.of(dockerfile, compose)));
    assertEquals(cwd.resolve("examples"), Workspace.defaultRoot(List.of(Path.of("examples"))));
    assertEquals(cwd, Workspace.defaultRoot(List.of()));
  }
}
