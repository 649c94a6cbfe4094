package io.hullcheck.cli;

import io.hullcheck.engine.Engine;
import io.hullcheck.github.Snapshots;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hullcheck demo}: {@code review} on the example in {@code examples/demo}. Its {@code base}
 * directory becomes the base commit, {@code head} the pull request, and {@code fixed} (when
 * present) a second push that fixes one mistake, in a temporary repository deleted afterwards.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Shows a full pull-request review on the bundled example (examples/demo): inline comments"
          + " with suggested changes, a failing check, and a second push that fixes one mistake.",
      "Run it from the root of a Hullcheck clone, or pass --examples."
    })
final class DemoCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(
      names = "--examples",
      paramLabel = "DIR",
      defaultValue = "examples/demo",
      description = "The demo's directory, holding base/, head/ and optionally fixed/.")
  Path examples;

  @Option(
      names = "--transcript",
      paramLabel = "FILE",
      description = "Write the GitHub API requests the App would make, as a JSON array, to FILE.")
  Path transcript;

  @Option(names = "--verbose", description = "Also print the job's log lines (one per stage).")
  boolean verbose;

  DemoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    ReviewCommand.quietLogs(verbose);
    Path base = examples.resolve("base");
    Path head = examples.resolve("head");
    if (!Files.isDirectory(base) || !Files.isDirectory(head)) {
      throw new UserError(
          "no demo at "
              + examples.toAbsolutePath()
              + " (expected base/ and head/ in it);"
              + " run this from the root of a Hullcheck clone or pass --examples DIR");
    }
    Path dir = Files.createTempDirectory("hullcheck-demo-");
    try (Repository repo = FileRepositoryBuilder.create(dir.resolve("demo.git").toFile())) {
      repo.create(/* bare= */ true);
      ObjectId baseId =
          Snapshots.commit(repo, "refs/heads/main", null, Snapshots.readDirectory(base), "Base");
      Map<String, Snapshots.Entry> headFiles = Snapshots.readDirectory(head);
      ObjectId headId =
          Snapshots.commit(
              repo, "refs/heads/pull-request", baseId, headFiles, "Add a web service container");
      List<String> heads = new ArrayList<>(List.of(headId.name()));
      Path fixed = examples.resolve("fixed");
      if (Files.isDirectory(fixed)) {
        ObjectId fixedId =
            Snapshots.commit(
                repo,
                "refs/heads/pull-request",
                headId,
                Snapshots.readDirectory(fixed),
                "Address review comments");
        heads.add(fixedId.name());
      }
      context.out().println("Hullcheck demo: a pull request that adds a Dockerfile and a compose");
      context.out().println("file to " + examples + ", reviewed as the GitHub App would.");
      context.out().println();
      ReviewCommand.review(
          context, new Engine(context.rules()), repo, baseId.name(), heads, transcript);
      return Main.EXIT_OK;
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }
}
