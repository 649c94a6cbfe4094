package io.hullcheck.testing;

import io.hullcheck.engine.FileKind;
import io.hullcheck.engine.InputFile;
import io.hullcheck.model.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The read-only real-world corpus beside the clone: found through {@code HULLCHECK_CORPUS}, else
 * the {@code hullcheck.corpus} system property (surefire sets it), else {@code ../shared/corpus}.
 * Its files are named after their original paths with {@code /} turned into {@code __}; the kind
 * comes from the original file name, else from the content.
 */
public final class Corpus {
  private static final Pattern SERVICES = Pattern.compile("(?m)^services\\s*:");

  private Corpus() {}

  /** The corpus root, when present. */
  public static Optional<Path> dir() {
    String env = System.getenv("HULLCHECK_CORPUS");
    String prop = System.getProperty("hullcheck.corpus");
    String chosen = env != null && !env.isBlank() ? env : prop;
    Path p = chosen != null && !chosen.isBlank() ? Path.of(chosen) : Path.of("../shared/corpus");
    return Files.isDirectory(p.resolve("realworld")) ? Optional.of(p) : Optional.empty();
  }

  /** Every Dockerfile and compose file in {@code realworld}, in path order. */
  public static List<InputFile> realworld(Path corpus) {
    Path root = corpus.resolve("realworld");
    List<InputFile> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        String rel = root.relativize(f).toString().replace('\\', '/');
        kind(f.getFileName().toString(), text)
            .ifPresent(k -> out.add(new InputFile(new SourceFile(rel, text), k)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static Optional<FileKind> kind(String fileName, String text) {
    String original = fileName.substring(fileName.lastIndexOf("__") + 2);
    String n = original.toLowerCase(Locale.ROOT);
    if (n.endsWith(".md")) {
      return Optional.empty();
    }
    if (n.startsWith("dockerfile") || n.endsWith(".dockerfile") || n.startsWith("containerfile")) {
      return Optional.of(FileKind.DOCKERFILE);
    }
    if ((n.endsWith(".yml") || n.endsWith(".yaml"))
        && (n.contains("compose") || SERVICES.matcher(text).find())) {
      return Optional.of(FileKind.COMPOSE);
    }
    return Optional.empty();
  }
}
