package io.hullcheck.app;

import io.hullcheck.github.LocalPrHost;
import io.hullcheck.job.Annotation;
import io.hullcheck.job.JobOutcome;
import io.hullcheck.report.pr.CommentText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Prints what one push did on the pull request the way a person sees it on GitHub: the review with
 * each inline comment under the lines it sits on, the replies on resolved threads, and the check
 * run with its title, summary and annotations. Markdown is shown as written.
 */
final class PrPrinter {
  private static final String RULE = "─".repeat(72);

  private final Repository repo;
  private final PrintWriter out;

  PrPrinter(Repository repo, PrintWriter out) {
    this.repo = repo;
    this.out = out;
  }

  /** How much state existed before a push, so only what the push added is printed. */
  record Mark(int reviews, int comments) {}

  static Mark mark(LocalPrHost host) {
    return new Mark(host.reviews().size(), host.comments().size());
  }

  void push(int n, int of, String name, LocalPrHost host, Mark before, JobOutcome outcome) {
    out.println(RULE);
    out.printf("Push %d of %d: %s (%s)%n", n, of, name, CommentText.shortSha(outcome.headSha()));
    out.println(RULE);
    List<LocalPrHost.Review> reviews = host.reviews();
    if (reviews.size() == before.reviews()) {
      out.println("Review: none posted (nothing new to comment on).");
    }
    for (LocalPrHost.Review r : reviews.subList(before.reviews(), reviews.size())) {
      out.println("Review (" + r.event() + ") by " + LocalPrHost.BOT_LOGIN + ":");
      indent(r.body(), "  ");
      for (LocalPrHost.Comment c : r.comments()) {
        out.println();
        int from = c.startLine() == null ? c.line() : c.startLine();
        out.println(
            "  ┌ "
                + c.path()
                + (from == c.line() ? " line " + c.line() : " lines " + from + "-" + c.line()));
        printLines(r.commitId(), c.path(), from, c.line());
        indent(c.body(), "  │ ");
        out.println("  └");
      }
    }
    List<LocalPrHost.Comment> all = host.comments();
    for (LocalPrHost.Comment c : all.subList(before.comments(), all.size())) {
      if (c.inReplyTo() != null) {
        out.println();
        out.println(
            "Reply on the thread at "
                + c.path()
                + ":"
                + c.line()
                + (host.resolved(c.threadId()) ? " (thread resolved)" : "")
                + ": "
                + c.body());
      }
    }
    out.println();
    LocalPrHost.CheckRun run =
        host.checkRuns().stream()
            .filter(cr -> cr.id() == outcome.checkRunId())
            .findFirst()
            .orElse(null);
    if (run == null) {
      out.println("Check run: none");
      return;
    }
    out.println(
        "Check run \"Hullcheck\" on "
            + CommentText.shortSha(run.headSha())
            + ": "
            + run.status()
            + (run.conclusion() == null
                ? ""
                : " · " + run.conclusion().toUpperCase(java.util.Locale.ROOT)));
    out.println("  " + run.title());
    out.println();
    indent(run.summary(), "  ");
    if (!run.annotations().isEmpty()) {
      out.println("  Annotations (" + run.annotations().size() + "):");
      for (Annotation a : run.annotations()) {
        out.println(
            "    "
                + a.path()
                + ":"
                + a.startLine()
                + " "
                + a.level().apiName()
                + " "
                + (a.title() == null ? "" : a.title() + " · ")
                + a.message().lines().findFirst().orElse(""));
      }
    }
    out.println();
    out.flush();
  }

  private void indent(String text, String prefix) {
    if (text == null) {
      return;
    }
    text.lines().forEach(l -> out.println(prefix + l));
  }

  /** The commented lines of the file at the commit, numbered, as the diff view shows them. */
  private void printLines(String sha, String path, int from, int to) {
    try (RevWalk walk = new RevWalk(repo);
        TreeWalk tw =
            TreeWalk.forPath(repo, path, walk.parseCommit(ObjectId.fromString(sha)).getTree())) {
      if (tw == null) {
        return;
      }
      String text = new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
      List<String> lines = text.lines().toList();
      for (int l = from; l <= to && l <= lines.size(); l++) {
        out.printf("  │ %4d | %s%n", l, lines.get(l - 1));
      }
      out.println("  │");
    } catch (IOException e) {
      out.println("  │ (cannot show the lines: " + e.getMessage() + ")");
    }
  }
}
