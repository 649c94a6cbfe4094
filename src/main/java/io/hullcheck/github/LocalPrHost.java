package io.hullcheck.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hullcheck.job.Annotation;
import io.hullcheck.job.ChangedFile;
import io.hullcheck.job.CheckRunUpdate;
import io.hullcheck.job.FileStatus;
import io.hullcheck.job.GitCredentials;
import io.hullcheck.job.HostException;
import io.hullcheck.job.PrHost;
import io.hullcheck.job.PrRef;
import io.hullcheck.job.PullRequest;
import io.hullcheck.job.ReviewComment;
import io.hullcheck.job.ReviewRejectedException;
import io.hullcheck.job.ReviewRequest;
import io.hullcheck.job.ReviewThread;
import io.hullcheck.report.pr.DiffHunks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;

/**
 * A local stand-in for GitHub that {@code hullcheck review} runs the App's job against: it keeps
 * one pull request's state (head, check runs, review comments, threads) across pushes, computes the
 * changed files and their patches from the commits as GitHub would (three-dot diff from the merge
 * base, renames detected, no patch for binary files), refuses a review with 422 when a comment is
 * not on a line of the diff (as GitHub does, without naming it), and records every request the App
 * would make, in order, shaped as GitHub's REST API and GraphQL endpoint receive them.
 *
 * <p>Not thread-safe: one job at a time, as the App runs one job per pull request at a time.
 */
public final class LocalPrHost implements PrHost {
  /** The login the App's comments carry. */
  public static final String BOT_LOGIN = "hullcheck[bot]";

  static final String THREADS_QUERY =
      "query($owner: String!, $repo: String!, $number: Int!, $cursor: String) {"
          + " repository(owner: $owner, name: $repo) { pullRequest(number: $number) {"
          + " reviewThreads(first: 100, after: $cursor) { pageInfo { hasNextPage endCursor }"
          + " nodes { id isResolved isOutdated comments(first: 100) { nodes { databaseId"
          + " author { login } } } } } } } }";

  static final String RESOLVE_MUTATION =
      "mutation($threadId: ID!) { resolveReviewThread(input: {threadId: $threadId})"
          + " { thread { id isResolved } } }";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request as GitHub would receive it. */
  public record Request(String method, String path, JsonNode body) {}

  /** A check run as GitHub would show it. */
  public static final class CheckRun {
    final long id;
    final String headSha;
    String status = "in_progress";
    String conclusion;
    String title;
    String summary;
    String text;
    final List<Annotation> annotations = new ArrayList<>();

    CheckRun(long id, String headSha) {
      this.id = id;
      this.headSha = headSha;
    }

    public long id() {
      return id;
    }

    public String headSha() {
      return headSha;
    }

    public String status() {
      return status;
    }

    public String conclusion() {
      return conclusion;
    }

    public String title() {
      return title;
    }

    public String summary() {
      return summary;
    }

    public String text() {
      return text;
    }

    public List<Annotation> annotations() {
      return List.copyOf(annotations);
    }
  }

  /** A review comment as GitHub keeps it. */
  public record Comment(
      long id,
      String threadId,
      String user,
      String path,
      Integer line,
      Integer startLine,
      String body,
      String commitId,
      Long inReplyTo) {}

  /** A posted review. */
  public record Review(
      long id, String commitId, String event, String body, List<Comment> comments) {}

  private final Repository repo;
  private final PrRef ref;
  private final String cloneUrl;
  private final String baseSha;
  private final Clock clock;
  private String headSha;
  private boolean draft;
  private final List<Request> transcript = new ArrayList<>();
  private final Map<Long, CheckRun> checkRuns = new LinkedHashMap<>();
  private final List<Review> reviews = new ArrayList<>();
  private final List<Comment> comments = new ArrayList<>();
  private final Map<String, Boolean> threadResolved = new LinkedHashMap<>();
  private boolean tokenCached;
  private long nextId = 1001;

  /**
   * @param repo the repository the commits live in (read for diffs)
   * @param cloneUrl where the job fetches from (a {@link LoopbackGitServer})
   * @param baseSha the tip of the base branch
   */
  public LocalPrHost(Repository repo, PrRef ref, String cloneUrl, String baseSha, Clock clock) {
    this.repo = repo;
    this.ref = ref;
    this.cloneUrl = cloneUrl;
    this.baseSha = baseSha;
    this.clock = clock;
  }

  /** Opens the pull request at {@code sha}, or pushes {@code sha} to it (a {@code synchronize}). */
  public void push(String sha) {
    this.headSha = sha;
  }

  /** Marks the pull request as a draft, or ready for review. */
  public void setDraft(boolean draft) {
    this.draft = draft;
  }

  public List<Request> transcript() {
    return List.copyOf(transcript);
  }

  /** The transcript as the JSON array {@code hullcheck review} writes. */
  public String transcriptJson() {
    ArrayNode arr = JSON.createArrayNode();
    for (Request r : transcript) {
      ObjectNode o = arr.addObject();
      o.put("method", r.method());
      o.put("path", r.path());
      o.set("body", r.body());
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(arr) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<CheckRun> checkRuns() {
    return List.copyOf(checkRuns.values());
  }

  public List<Review> reviews() {
    return List.copyOf(reviews);
  }

  public List<Comment> comments() {
    return List.copyOf(comments);
  }

  public boolean resolved(String threadId) {
    return threadResolved.getOrDefault(threadId, false);
  }

  private String repoPath() {
    return "/repos/" + ref.owner() + "/" + ref.repo();
  }

  private void record(String method, String path, JsonNode body) {
    transcript.add(new Request(method, path, body));
  }

  private void checkRef(PrRef pr) {
    if (!pr.equals(ref)) {
      throw new HostException("no such pull request: " + pr.externalId(), 404);
    }
  }

  @Override
  public PullRequest pullRequest(PrRef pr) {
    checkRef(pr);
    record("GET", repoPath() + "/pulls/" + pr.number(), null);
    return new PullRequest(pr, baseSha, headSha, "main", "pull-request", draft, false, cloneUrl);
  }

  @Override
  public List<ChangedFile> changedFiles(PrRef pr) {
    checkRef(pr);
    record("GET", repoPath() + "/pulls/" + pr.number() + "/files?per_page=100&page=1", null);
    return diff();
  }

  /** The three-dot diff of the pull request, as GitHub's files endpoint lists it. */
  List<ChangedFile> diff() {
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit base = walk.parseCommit(ObjectId.fromString(baseSha));
      RevCommit head = walk.parseCommit(ObjectId.fromString(headSha));
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(base);
      walk.markStart(head);
      RevCommit mergeBase = walk.next();
      RevCommit from = mergeBase == null ? base : walk.parseCommit(mergeBase);
      List<ChangedFile> out = new ArrayList<>();
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      try (DiffFormatter df = new DiffFormatter(buf)) {
        df.setRepository(repo);
        df.setDetectRenames(true);
        df.setContext(3);
        for (DiffEntry e : df.scan(from.getTree(), head.getTree())) {
          buf.reset();
          df.format(e);
          String patch = hunksOnly(buf.toString(StandardCharsets.UTF_8));
          out.add(changedFile(e, patch));
        }
      }
      return out;
    } catch (IOException e) {
      throw new HostException("cannot diff the pull request: " + e.getMessage(), 0, e);
    }
  }

  private static ChangedFile changedFile(DiffEntry e, String patch) {
    return switch (e.getChangeType()) {
      case ADD -> new ChangedFile(e.getNewPath(), null, FileStatus.ADDED, patch);
      case DELETE -> new ChangedFile(e.getOldPath(), null, FileStatus.REMOVED, patch);
      case RENAME -> new ChangedFile(e.getNewPath(), e.getOldPath(), FileStatus.RENAMED, patch);
      case COPY -> new ChangedFile(e.getNewPath(), e.getOldPath(), FileStatus.COPIED, patch);
      case MODIFY -> new ChangedFile(e.getNewPath(), null, FileStatus.MODIFIED, patch);
    };
  }

  /** GitHub's {@code patch}: the hunks without the git header; null when there are none. */
  static String hunksOnly(String formatted) {
    int at = formatted.startsWith("@@") ? 0 : formatted.indexOf("\n@@");
    if (at < 0) {
      return null;
    }
    String patch = formatted.substring(at == 0 ? 0 : at + 1);
    return patch.endsWith("\n") ? patch.substring(0, patch.length() - 1) : patch;
  }

  @Override
  public GitCredentials gitCredentials(PrRef pr) {
    checkRef(pr);
    if (!tokenCached) {
      // The App asks once for a token limited to this repository; it is cached for an hour.
      ObjectNode body = JSON.createObjectNode();
      body.putArray("repositories").add(pr.repo());
      ObjectNode perms = body.putObject("permissions");
      perms.put("checks", "write");
      perms.put("contents", "read");
      perms.put("metadata", "read");
      perms.put("pull_requests", "write");
      record("POST", "/app/installations/" + pr.installationId() + "/access_tokens", body);
      tokenCached = true;
    }
    return GitCredentials.ANONYMOUS;
  }

  @Override
  public long createCheckRun(PrRef pr, String name, String sha, String externalId) {
    checkRef(pr);
    ObjectNode body = JSON.createObjectNode();
    body.put("name", name);
    body.put("head_sha", sha);
    body.put("status", "in_progress");
    body.put("started_at", Instant.now(clock).toString());
    body.put("external_id", externalId);
    record("POST", repoPath() + "/check-runs", body);
    long id = nextId++;
    checkRuns.put(id, new CheckRun(id, sha));
    return id;
  }

  @Override
  public void updateCheckRun(PrRef pr, long checkRunId, CheckRunUpdate update) {
    checkRef(pr);
    CheckRun run = checkRuns.get(checkRunId);
    if (run == null) {
      throw new HostException("no such check run: " + checkRunId, 404);
    }
    ObjectNode body = JSON.createObjectNode();
    if (update.completes()) {
      body.put("status", "completed");
      body.put("conclusion", update.conclusion().apiName());
      body.put("completed_at", Instant.now(clock).toString());
    }
    ObjectNode output = body.putObject("output");
    output.put("title", update.output().title());
    output.put("summary", update.output().summary());
    if (update.output().text() != null) {
      output.put("text", update.output().text());
    }
    if (!update.output().annotations().isEmpty()) {
      ArrayNode arr = output.putArray("annotations");
      for (Annotation a : update.output().annotations()) {
        ObjectNode o = arr.addObject();
        o.put("path", a.path());
        o.put("start_line", a.startLine());
        o.put("end_line", a.endLine());
        if (a.startColumn() != null && a.startLine() == a.endLine()) {
          o.put("start_column", a.startColumn());
          o.put("end_column", a.endColumn());
        }
        o.put("annotation_level", a.level().apiName());
        o.put("message", a.message());
        if (a.title() != null) {
          o.put("title", a.title());
        }
        if (a.rawDetails() != null) {
          o.put("raw_details", a.rawDetails());
        }
      }
    }
    record("PATCH", repoPath() + "/check-runs/" + checkRunId, body);
    if (update.completes()) {
      run.status = "completed";
      run.conclusion = update.conclusion().apiName();
    }
    run.title = update.output().title();
    run.summary = update.output().summary();
    run.text = update.output().text();
    run.annotations.addAll(update.output().annotations());
  }

  @Override
  public List<ReviewThread> botThreads(PrRef pr) {
    checkRef(pr);
    record("GET", repoPath() + "/pulls/" + pr.number() + "/comments?per_page=100&page=1", null);
    ObjectNode gql = JSON.createObjectNode();
    gql.put("query", THREADS_QUERY);
    ObjectNode vars = gql.putObject("variables");
    vars.put("owner", pr.owner());
    vars.put("repo", pr.repo());
    vars.put("number", pr.number());
    vars.putNull("cursor");
    record("POST", "/graphql", gql);
    Map<String, Comment> roots = new LinkedHashMap<>();
    Map<String, Boolean> humans = new HashMap<>();
    for (Comment c : comments) {
      if (c.inReplyTo() == null) {
        roots.put(c.threadId(), c);
      } else if (!BOT_LOGIN.equals(c.user())) {
        humans.put(c.threadId(), true);
      }
    }
    List<ReviewThread> out = new ArrayList<>();
    for (Comment root : roots.values()) {
      if (BOT_LOGIN.equals(root.user())) {
        out.add(
            new ReviewThread(
                root.threadId(),
                root.id(),
                root.path(),
                root.line(),
                root.body(),
                resolved(root.threadId()),
                humans.getOrDefault(root.threadId(), false)));
      }
    }
    return out;
  }

  @Override
  public long createReview(PrRef pr, ReviewRequest review) {
    checkRef(pr);
    ObjectNode body = JSON.createObjectNode();
    body.put("commit_id", review.commitId());
    body.put("body", review.body());
    body.put("event", review.event());
    ArrayNode arr = body.putArray("comments");
    for (ReviewComment c : review.comments()) {
      ObjectNode o = arr.addObject();
      o.put("path", c.path());
      if (c.startLine() != null) {
        o.put("start_line", c.startLine());
        o.put("start_side", c.side());
      }
      o.put("line", c.line());
      o.put("side", c.side());
      o.put("body", c.body());
    }
    record("POST", repoPath() + "/pulls/" + pr.number() + "/reviews", body);
    Map<String, DiffHunks> hunks = new HashMap<>();
    for (ChangedFile f : diff()) {
      hunks.put(f.path(), DiffHunks.parse(f.patch()));
    }
    for (ReviewComment c : review.comments()) {
      DiffHunks h = hunks.getOrDefault(c.path(), DiffHunks.empty());
      boolean ok =
          c.startLine() == null ? h.commentable(c.line()) : h.commentable(c.startLine(), c.line());
      if (!ok) {
        // GitHub's answer does not say which comment it could not place.
        throw new ReviewRejectedException(
            "Unprocessable Entity: pull request review thread line must be part of the diff",
            Set.of());
      }
    }
    long reviewId = nextId++;
    List<Comment> posted = new ArrayList<>();
    for (ReviewComment c : review.comments()) {
      long id = nextId++;
      String threadId = "PRRT_local" + id;
      Comment comment =
          new Comment(
              id,
              threadId,
              BOT_LOGIN,
              c.path(),
              c.line(),
              c.startLine(),
              c.body(),
              review.commitId(),
              null);
      comments.add(comment);
      posted.add(comment);
      threadResolved.put(threadId, false);
    }
    reviews.add(new Review(reviewId, review.commitId(), review.event(), review.body(), posted));
    return reviewId;
  }

  @Override
  public void reply(PrRef pr, long commentId, String text) {
    checkRef(pr);
    ObjectNode body = JSON.createObjectNode();
    body.put("body", text);
    record(
        "POST", repoPath() + "/pulls/" + pr.number() + "/comments/" + commentId + "/replies", body);
    Comment root =
        comments.stream()
            .filter(c -> c.id() == commentId)
            .findFirst()
            .orElseThrow(() -> new HostException("no such comment: " + commentId, 404));
    comments.add(
        new Comment(
            nextId++,
            root.threadId(),
            BOT_LOGIN,
            root.path(),
            root.line(),
            null,
            text,
            headSha,
            commentId));
  }

  /** A person answers in a thread (for tests and scripted demos). */
  public void humanReply(long commentId, String user, String text) {
    Comment root = comments.stream().filter(c -> c.id() == commentId).findFirst().orElseThrow();
    comments.add(
        new Comment(
            nextId++,
            root.threadId(),
            user,
            root.path(),
            root.line(),
            null,
            text,
            headSha,
            commentId));
  }

  @Override
  public void resolveThread(PrRef pr, String threadId) {
    checkRef(pr);
    ObjectNode body = JSON.createObjectNode();
    body.put("query", RESOLVE_MUTATION);
    body.putObject("variables").put("threadId", threadId);
    record("POST", "/graphql", body);
    if (!threadResolved.containsKey(threadId)) {
      throw new HostException("Could not resolve to a node with the global id of " + threadId, 200);
    }
    threadResolved.put(threadId, true);
  }
}
