package io.hullcheck.cli;

import io.hullcheck.engine.ContextDirs;
import io.hullcheck.engine.DockerFileNames;
import io.hullcheck.engine.FileKind;
import io.hullcheck.engine.FileProblem;
import io.hullcheck.engine.InputFile;
import io.hullcheck.engine.RepositoryTree;
import io.hullcheck.model.SourceFile;
import io.hullcheck.policy.PolicyLoader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The files a command works on: found under the given paths, read as text ({@link #read}), their
 * kind decided, and each compose file's {@code .env} read. Files that cannot be read become
 * problems, and the others are still checked.
 *
 * <p>Discovery in directories (recursive, symlinks not followed, {@code .git}, {@code node_modules}
 * and {@code target} skipped) picks the names {@link DockerFileNames} gives a kind. A file named on
 * the command line is always checked: its kind comes from {@code --kind}, else its name, else its
 * content (YAML with a top-level {@code services} key is compose; a file with a {@code FROM} line
 * is a Dockerfile).
 *
 * @param root the directory output paths are relative to and the policy is looked up in (see {@link
 *     #defaultRoot} for the default)
 * @param readProblems files that could not be read or classified (these make the exit code 2)
 * @param composeSources reads the other files of compose projects (an {@code extends} target that
 *     discovery does not pick, say) from under the root
 */
record Workspace(
    Path root,
    List<InputFile> inputs,
    Map<String, Path> files,
    List<FileProblem> readProblems,
    DiskSources composeSources) {
  private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules", "target");

  private static final Pattern SERVICES_KEY = Pattern.compile("(?m)^services\\s*:");
  private static final Pattern FROM_LINE = Pattern.compile("(?im)^\\s*FROM\\s+\\S");

  /**
   * @param paths what the user named; one that does not exist becomes a read problem
   * @param forcedKind {@code --kind}, or null
   * @param rootOption {@code --root}, or null for {@link #defaultRoot}
   */
  static Workspace open(List<Path> paths, FileKind forcedKind, Path rootOption) {
    List<Path> given = paths.isEmpty() ? List.of(Path.of(".")) : paths;
    Path root = rootOption != null ? rootOption.toAbsolutePath().normalize() : defaultRoot(given);
    List<FileProblem> problems = new ArrayList<>();
    Set<Path> named = new LinkedHashSet<>();
    Set<Path> found = new LinkedHashSet<>();
    for (Path p : given) {
      Path abs = p.toAbsolutePath().normalize();
      if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
        // Like an unreadable file: reported with the others, and the rest are still checked.
        problems.add(new FileProblem(relative(root, abs), 1, 1, "no such file or directory"));
      } else if (Files.isDirectory(abs)) {
        found.addAll(discover(abs, root, problems));
      } else {
        named.add(abs);
      }
    }
    List<InputFile> inputs = new ArrayList<>();
    Map<String, Path> files = new HashMap<>();
    Set<Path> all = new LinkedHashSet<>(named);
    all.addAll(found);
    for (Path file : all) {
      String rel = relative(root, file);
      String text;
      try {
        text = read(file);
      } catch (CharacterCodingException e) {
        problems.add(new FileProblem(rel, 1, 1, "cannot read: the file is binary, not text"));
        continue;
      } catch (IOException e) {
        problems.add(new FileProblem(rel, 1, 1, "cannot read: " + describe(e)));
        continue;
      }
      FileKind kind =
          forcedKind != null
              ? forcedKind
              : DockerFileNames.kindOf(file.getFileName().toString())
                  .or(() -> kindFromContent(text))
                  .orElse(null);
      if (kind == null) {
        problems.add(
            new FileProblem(
                rel,
                1,
                1,
                "cannot tell whether this is a Dockerfile or a compose file; pass --kind"));
        continue;
      }
      Map<String, String> env = kind == FileKind.COMPOSE ? dotEnv(file, rel, problems) : Map.of();
      inputs.add(new InputFile(new SourceFile(rel, text), kind, env));
      files.put(rel, file);
    }
    return new Workspace(
        root, withSurroundings(root, inputs, problems), files, problems, new DiskSources(root));
  }

  /**
   * The root when {@code --root} is not given, the same for {@code scan}, {@code fix} and {@code
   * config}, so all three apply one policy to a path: the policy root ({@link #policyRootAbove})
   * above the deepest directory that holds every path given (a directory itself, a file, or a path
   * that does not exist yet, by its parent). No paths means the current directory. When no policy
   * is found, a single directory is the root, and otherwise the current directory when it holds
   * every path (else that deepest directory).
   */
  static Path defaultRoot(List<Path> paths) {
    Path cwd = Path.of("").toAbsolutePath().normalize();
    Path common = null;
    for (Path p : paths) {
      Path abs = p.toAbsolutePath().normalize();
      Path dir = Files.isDirectory(abs) || abs.getParent() == null ? abs : abs.getParent();
      while (common != null && !dir.startsWith(common)) {
        common = common.getParent();
      }
      common = common == null ? dir : common;
    }
    if (common == null) {
      return policyRootAbove(cwd);
    }
    Optional<Path> policy = policyDirAbove(common);
    if (policy.isPresent()) {
      return policy.get();
    }
    // No policy applies. One directory is its own root; files are reported relative to the
    // current directory when it holds them, as a compiler names them, and their compose files
    // may still read extends and include targets beside them.
    boolean oneDirectory = paths.size() == 1 && Files.isDirectory(paths.get(0));
    return !oneDirectory && common.startsWith(cwd) ? cwd : common;
  }

  /**
   * The root above {@code start}: {@code start} itself, unless a directory above it in the same git
   * repository holds a policy file ({@link PolicyLoader#LOCATIONS}, or the hadolint configuration
   * the policy honours); then that directory, so that {@code hullcheck scan services/api} (or
   * {@code services/api/Dockerfile}) applies the repository's policy, and its path overrides see
   * the paths they were written for. The search stops at the first directory holding {@code .git}
   * (it is checked itself) and at the file system's root.
   */
  static Path policyRootAbove(Path start) {
    return policyDirAbove(start).orElse(start.toAbsolutePath().normalize());
  }

  /** The directory {@link #policyRootAbove} finds a policy file in, if it finds one. */
  private static Optional<Path> policyDirAbove(Path start) {
    for (Path d = start.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
      for (List<String> locations :
          List.of(PolicyLoader.LOCATIONS, PolicyLoader.HADOLINT_LOCATIONS)) {
        for (String location : locations) {
          if (Files.isRegularFile(d.resolve(location))) {
            return Optional.of(d);
          }
        }
      }
      if (Files.exists(d.resolve(".git"))) {
        break;
      }
    }
    return Optional.empty();
  }

  /**
   * The inputs with each Dockerfile's build context and the repository view, listed from disk under
   * the root (see {@link DiskTree}). Nothing is listed when there is no Dockerfile.
   */
  private static List<InputFile> withSurroundings(
      Path root, List<InputFile> inputs, List<FileProblem> problems) {
    if (inputs.stream().noneMatch(i -> i.kind() == FileKind.DOCKERFILE)
        || !Files.isDirectory(root)) {
      return inputs;
    }
    RepositoryTree tree = DiskTree.read(root, problems);
    List<String> dockerfiles =
        tree.paths().stream()
            .filter(p -> DockerFileNames.kindOf(p).orElse(null) == FileKind.DOCKERFILE)
            .toList();
    RepositoryTree.View view = tree.view(dockerfiles);
    problems.addAll(view.problems());
    return tree.attach(inputs, ContextDirs.DEFAULT, view.repository());
  }

  /**
   * Sources by their reported path, for the reports: the files checked and the other files of
   * compose projects read while checking them.
   */
  Map<String, SourceFile> sources() {
    Map<String, SourceFile> m = new HashMap<>(composeSources.files());
    inputs.forEach(i -> m.put(i.path(), i.source()));
    return m;
  }

  static Optional<FileKind> kindFromContent(String text) {
    if (SERVICES_KEY.matcher(text).find()) {
      return Optional.of(FileKind.COMPOSE);
    }
    if (FROM_LINE.matcher(text).find()) {
      return Optional.of(FileKind.DOCKERFILE);
    }
    return Optional.empty();
  }

  private static List<Path> discover(Path dir, Path root, List<FileProblem> problems) {
    Discovery discovery = new Discovery(dir, root, problems);
    try {
      Files.walkFileTree(dir, discovery);
    } catch (IOException e) {
      throw new UserError("cannot list " + dir + ": " + describe(e));
    }
    discovery.found.sort(null);
    return discovery.found;
  }

  /**
   * Finds the Docker files under one directory. A directory it cannot list, or a Docker file it
   * cannot look at, becomes a problem: the files it hides are not checked, and a scan that read
   * nothing must not pass.
   */
  static final class Discovery extends SimpleFileVisitor<Path> {
    private final Path dir;
    private final Path root;
    private final List<FileProblem> problems;
    final List<Path> found = new ArrayList<>();

    Discovery(Path dir, Path root, List<FileProblem> problems) {
      this.dir = dir;
      this.root = root;
      this.problems = problems;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
      return !d.equals(dir) && SKIPPED_DIRS.contains(d.getFileName().toString())
          ? FileVisitResult.SKIP_SUBTREE
          : FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
      if (attrs.isRegularFile() && DockerFileNames.kindOf(f.getFileName().toString()).isPresent()) {
        found.add(f);
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path f, IOException e) {
      Path name = f.getFileName();
      boolean skipped = name != null && SKIPPED_DIRS.contains(name.toString()) && !f.equals(dir);
      if (!skipped
          && (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)
              || name != null && DockerFileNames.kindOf(name.toString()).isPresent())) {
        problems.add(new FileProblem(relative(root, f), 1, 1, "cannot list: " + describe(e)));
      }
      return FileVisitResult.CONTINUE;
    }
  }

  /**
   * The text of a file, decoded by {@link SourceFile#decode}; {@link #write} writes it back the
   * same way.
   *
   * @throws CharacterCodingException when the file is binary (a NUL byte in its first 8000 bytes,
   *     as git decides)
   */
  static String read(Path file) throws IOException {
    // A FIFO or device named on the command line would block or never end; only regular files
    // (symlinks to them included) are read.
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new IOException("not a regular file");
    }
    byte[] bytes = Files.readAllBytes(file);
    for (int i = 0, n = Math.min(bytes.length, 8000); i < n; i++) {
      if (bytes[i] == 0) {
        throw new CharacterCodingException();
      }
    }
    return SourceFile.decode(bytes);
  }

  /**
   * Writes {@code text} in the encoding {@link #read} chose for the file now at {@code target}:
   * ISO-8859-1 when its bytes are not UTF-8, else (a new file included) UTF-8.
   *
   * @throws IOException also when the text holds a character the file's encoding cannot hold
   */
  static void write(Path target, String text) throws IOException {
    boolean latin1 = Files.isRegularFile(target) && !SourceFile.isUtf8(Files.readAllBytes(target));
    Charset charset = latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
    ByteBuffer encoded;
    try {
      encoded =
          charset
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(text));
    } catch (CharacterCodingException e) {
      throw new IOException("the new text has characters that " + charset + " cannot hold", e);
    }
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    Files.write(target, bytes);
  }

  private static Map<String, String> dotEnv(
      Path composeFile, String rel, List<FileProblem> problems) {
    Path env = composeFile.resolveSibling(".env");
    if (!Files.isRegularFile(env)) {
      return Map.of();
    }
    try {
      return DotEnv.parse(read(env));
    } catch (IOException e) {
      problems.add(new FileProblem(rel, 1, 1, "cannot read the .env next to it: " + describe(e)));
      return Map.of();
    }
  }

  /** The path relative to root, {@code /}-separated; as given when it is outside the root. */
  static String relative(Path root, Path file) {
    Path p = file.startsWith(root) ? root.relativize(file) : file;
    String s = p.toString().replace(java.io.File.separatorChar, '/');
    return s.isEmpty() ? file.getFileName().toString() : s;
  }

  static String describe(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
