package io.hullcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.engine.DockerFileNames;
import io.hullcheck.policy.PolicyLoader;
import io.hullcheck.rules.Registry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * We pass our own policy: Hullcheck's Dockerfile and every Docker file in the repository, except
 * the deliberately wrong {@code examples/} and test resources, scan with zero findings under the
 * repository's policy (the built-in default pack unless the repository has its own file).
 */
class SelfCheckTest {
  private static final Set<String> SKIPPED =
      Set.of(".git", "target", "node_modules", "examples", "resources");

  @Test
  void ourOwnDockerFilesScanClean() throws IOException {
    List<String> args = new ArrayList<>(List.of("scan", "--root", "."));
    try (Stream<Path> files = Files.walk(Path.of("."))) {
      files
          .filter(p -> Files.isRegularFile(p))
          .filter(p -> DockerFileNames.kindOf(p.getFileName().toString()).isPresent())
          .filter(p -> p.normalize().toString().isEmpty() || !skipped(p))
          .sorted()
          .forEach(p -> args.add(p.toString()));
    }
    assertTrue(args.contains("./Dockerfile"), "the top-level Dockerfile is checked: " + args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            PolicyLoader::load,
            Map.of(),
            Registry.all());
    int code = Main.run(context, args.toArray(String[]::new));
    assertEquals(0, code, out + "\n" + err);
    assertTrue(out.toString().startsWith("No findings"), out.toString());
  }

  private static boolean skipped(Path p) {
    for (Path part : p.normalize()) {
      if (SKIPPED.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }
}
