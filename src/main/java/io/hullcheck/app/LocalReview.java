package io.hullcheck.app;

import io.hullcheck.engine.Engine;
import io.hullcheck.github.JGitFetcher;
import io.hullcheck.github.LocalPrHost;
import io.hullcheck.github.LoopbackGitServer;
import io.hullcheck.job.JobOutcome;
import io.hullcheck.job.JobRequest;
import io.hullcheck.job.JobSettings;
import io.hullcheck.job.PrJob;
import io.hullcheck.job.PrRef;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * The App's pull-request job run against a local repository: the repository is served over smart
 * HTTP on loopback and fetched through {@link JGitFetcher}, exactly as in the App, and GitHub is
 * replaced by a {@link LocalPrHost} that keeps the pull request's state across pushes. The first
 * head opens the pull request; each further head is a push to it.
 */
public final class LocalReview {
  private final Repository repo;
  private final Engine engine;
  private final JobSettings settings;
  private final Clock clock;

  public LocalReview(Repository repo, Engine engine, JobSettings settings, Clock clock) {
    this.repo = repo;
    this.engine = engine;
    this.settings = settings;
    this.clock = clock;
  }

  /** What a rehearsal produced: the stand-in (state and transcript) and one outcome per push. */
  public record Result(LocalPrHost host, List<JobOutcome> outcomes) {}

  /**
   * Runs the job once per head, in order.
   *
   * @param printer receives each push's outcome as a person would see it on GitHub; may be null
   */
  public Result run(String base, List<String> heads, PrintWriter printer) throws IOException {
    ObjectId baseId = resolve(base);
    List<ObjectId> headIds = new ArrayList<>();
    for (String h : heads) {
      headIds.add(resolve(h));
    }
    String name = repoName();
    PrRef ref = new PrRef("local", name, 1, 1);
    List<JobOutcome> outcomes = new ArrayList<>();
    try (LoopbackGitServer server = LoopbackGitServer.start(repo)) {
      LocalPrHost host = new LocalPrHost(repo, ref, server.url(), baseId.name(), clock);
      JGitFetcher fetcher = new JGitFetcher();
      PrPrinter pretty = printer == null ? null : new PrPrinter(repo, printer);
      for (int i = 0; i < headIds.size(); i++) {
        String sha = headIds.get(i).name();
        host.push(sha);
        PrPrinter.Mark mark = PrPrinter.mark(host);
        JobOutcome outcome =
            new PrJob(host, fetcher, engine, settings)
                .run(new JobRequest(ref, sha, i == 0 ? "opened" : "synchronize"), () -> false);
        outcomes.add(outcome);
        if (pretty != null) {
          pretty.push(i + 1, heads.size(), heads.get(i), host, mark, outcome);
        }
      }
      return new Result(host, outcomes);
    }
  }

  private ObjectId resolve(String rev) throws IOException {
    ObjectId id = repo.resolve(rev + "^{commit}");
    if (id == null) {
      throw new IOException("no commit named '" + rev + "' in " + repo.getDirectory());
    }
    return id;
  }

  private String repoName() {
    java.io.File dir = repo.isBare() ? repo.getDirectory() : repo.getWorkTree();
    String n = dir.getAbsoluteFile().toPath().normalize().getFileName().toString();
    n = n.endsWith(".git") ? n.substring(0, n.length() - 4) : n;
    return n.replaceAll("[^A-Za-z0-9._-]", "-");
  }
}
