package io.hullcheck.cli;

import io.hullcheck.app.LocalReview;
import io.hullcheck.engine.Engine;
import io.hullcheck.job.CheckConclusion;
import io.hullcheck.job.JobOutcome;
import io.hullcheck.job.JobSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hullcheck review}: the App's pull-request job, run locally against a stand-in GitHub. */
@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the GitHub App's review of a pull request on a local repository: the repository is"
          + " served over git on loopback and fetched as the App fetches, and GitHub is replaced by"
          + " a local stand-in that keeps the pull request's comments and check runs across pushes.",
      "Each --head after the first is a further push to the same pull request.",
      "Exit codes: 0 when the last check run passed, 1 when it failed, 2 usage or I/O errors."
    })
final class ReviewCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "The repository (working tree or bare); default: the current directory.")
  Path repo;

  @Option(
      names = "--base",
      paramLabel = "REF",
      required = true,
      description = "The base branch or commit.")
  String base;

  @Option(
      names = "--head",
      paramLabel = "REF",
      required = true,
      description = "The pull request's head; repeat for further pushes.")
  List<String> heads;

  @Option(
      names = "--transcript",
      paramLabel = "FILE",
      description = "Write the GitHub API requests the App would make, as a JSON array, to FILE.")
  Path transcript;

  @Mixin RegistryOptions registry = new RegistryOptions();

  @Option(names = "--verbose", description = "Also print the job's log lines (one per stage).")
  boolean verbose;

  ReviewCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    quietLogs(verbose);
    Repository repository = open(repo);
    try (repository) {
      return review(
          context,
          new Engine(context.rules()).withRegistry(registry.registry(context)),
          repository,
          base,
          heads,
          transcript);
    }
  }

  /**
   * Keeps the job's per-stage log lines (meant for the server) out of the printed review, unless
   * asked for.
   */
  static void quietLogs(boolean verbose) {
    if (!verbose
        && org.slf4j.LoggerFactory.getLogger("io.hullcheck")
            instanceof ch.qos.logback.classic.Logger logger) {
      logger.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  static Repository open(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new UserError("no such directory: " + dir);
    }
    try {
      FileRepositoryBuilder b = new FileRepositoryBuilder().setMustExist(true);
      b.findGitDir(dir.toAbsolutePath().toFile());
      if (b.getGitDir() == null) {
        b.setGitDir(dir.toAbsolutePath().toFile());
      }
      return b.build();
    } catch (IOException | IllegalArgumentException e) {
      throw new UserError("not a git repository: " + dir + " (" + e.getMessage() + ")");
    }
  }

  /** Runs the rehearsal, prints it, writes the transcript; the exit code follows the last check. */
  static int review(
      CliContext context,
      Engine engine,
      Repository repository,
      String base,
      List<String> heads,
      Path transcript) {
    LocalReview.Result result;
    try {
      result =
          new LocalReview(repository, engine, JobSettings.defaults(), Clock.systemUTC())
              .run(base, heads, context.out());
    } catch (IOException e) {
      throw new UserError(e.getMessage());
    }
    if (transcript != null) {
      try {
        Path parent = transcript.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(transcript, result.host().transcriptJson(), StandardCharsets.UTF_8);
        context
            .out()
            .println(
                "Wrote "
                    + result.host().transcript().size()
                    + " GitHub API requests to "
                    + transcript);
      } catch (IOException e) {
        throw new UserError("cannot write " + transcript + ": " + e.getMessage());
      }
    }
    context.out().flush();
    JobOutcome last = result.outcomes().get(result.outcomes().size() - 1);
    return last.conclusion() == CheckConclusion.FAILURE ? Main.EXIT_FINDINGS : Main.EXIT_OK;
  }
}
