package io.hullcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dependency direction: domain packages never reach the edges (GitHub, git, HTTP, the command
 * line). Checked on the source text, imports and fully qualified names alike, so it needs no
 * bytecode library and fails with the file and line.
 */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/io/hullcheck");
  private static final Pattern FORBIDDEN =
      Pattern.compile(
          "\\b(org\\.kohsuke|org\\.eclipse\\.jgit|io\\.javalin|picocli"
              + "|io\\.hullcheck\\.(github|server|cli|app|registry))\\.");

  @ParameterizedTest
  @ValueSource(
      strings = {"dockerfile", "compose", "model", "rules", "policy", "engine", "report", "job"})
  void domainPackagesDoNotReachTheEdges(String pkg) throws IOException {
    Path dir = MAIN.resolve(pkg);
    List<String> violations = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
          for (int i = 0; i < lines.size(); i++) {
            String code = withoutComment(lines.get(i));
            Matcher m = FORBIDDEN.matcher(code);
            if (m.find()) {
              violations.add(file + ":" + (i + 1) + ": uses " + m.group(1));
            }
          }
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  /** The line without a trailing or whole-line comment (good enough for imports and names). */
  private static String withoutComment(String line) {
    String t = line.strip();
    if (t.startsWith("//") || t.startsWith("*") || t.startsWith("/*")) {
      return "";
    }
    int c = line.indexOf("//");
    return c >= 0 ? line.substring(0, c) : line;
  }
}
