package io.hullcheck.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hullcheck.job.Annotation;
import io.hullcheck.job.ChangedFile;
import io.hullcheck.job.CheckRunOutput;
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
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHCheckRunBuilder;
import org.kohsuke.github.GHException;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestFileDetail;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job's {@link PrHost} on GitHub, for one pull request of one installation. Reads and check
 * runs go through hub4j (with the App's endpoint, so GitHub Enterprise Server works); reviews with
 * {@code side}, replies and the GraphQL thread calls go through {@link GitHubHttp} with the same
 * installation token. The token is made on first use, limited to the repository and to {@link
 * AppAuth#API_PERMISSIONS}; git gets its own token with {@link AppAuth#GIT_PERMISSIONS}.
 *
 * <p>Not thread-safe: one job uses one host from one thread.
 */
public final class GitHubPrHost implements PrHost {
  private static final Logger log = LoggerFactory.getLogger(GitHubPrHost.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  static final String THREADS_QUERY =
      "query($owner: String!, $name: String!, $number: Int!, $cursor: String) {"
          + " repository(owner: $owner, name: $name) { pullRequest(number: $number) {"
          + " reviewThreads(first: 100, after: $cursor) {"
          + " pageInfo { hasNextPage endCursor }"
          + " nodes { id isResolved isOutdated path line"
          + " comments(first: 50) { nodes { databaseId body viewerDidAuthor } } } } } } }";

  static final String RESOLVE_MUTATION =
      "mutation($threadId: ID!) { resolveReviewThread(input: {threadId: $threadId})"
          + " { thread { id isResolved } } }";

  /**
   * The completed run's button; a click arrives as {@code check_run.requested_action} with this
   * identifier, which the server maps to a re-run ({@code EventRouter.RERUN_ACTION}).
   */
  static final GHCheckRunBuilder.Action RERUN_BUTTON =
      new GHCheckRunBuilder.Action("Re-run Hullcheck", "Review this pull request again", "rerun");

  private final GitHubApp app;
  private final long installationId;
  private final String repository;
  private String token;
  private GitHub hub;
  private GHRepository repo;
  private final Map<Integer, GHPullRequest> pulls = new HashMap<>();

  GitHubPrHost(GitHubApp app, PrRef pr) {
    this.app = app;
    this.installationId = pr.installationId();
    this.repository = pr.repo();
  }

  @Override
  public PullRequest pullRequest(PrRef pr) {
    GHPullRequest pull = pull(pr, /* refresh= */ true);
    GHRepository base = pull.getBase().getRepository();
    GHRepository head = pull.getHead().getRepository();
    boolean fork = head == null || head.getId() != base.getId();
    return new PullRequest(
        pr,
        pull.getBase().getSha(),
        pull.getHead().getSha(),
        pull.getBase().getRef(),
        pull.getHead().getRef(),
        call("draft state", pull::isDraft),
        fork,
        base.getHttpTransportUrl());
  }

  @Override
  public List<ChangedFile> changedFiles(PrRef pr) {
    GHPullRequest pull = pull(pr, /* refresh= */ false);
    return call(
        "GET /repos/" + pr.fullName() + "/pulls/" + pr.number() + "/files",
        () -> {
          List<ChangedFile> files = new ArrayList<>();
          for (GHPullRequestFileDetail f : pull.listFiles().withPageSize(100)) {
            files.add(
                new ChangedFile(
                    f.getFilename(),
                    f.getPreviousFilename(),
                    FileStatus.fromApi(f.getStatus()),
                    f.getPatch()));
          }
          return files;
        });
  }

  @Override
  public GitCredentials gitCredentials(PrRef pr) {
    String gitToken =
        app.auth().installationToken(installationId, repository, AppAuth.GIT_PERMISSIONS);
    return new GitCredentials("x-access-token", gitToken);
  }

  @Override
  public long createCheckRun(PrRef pr, String name, String headSha, String externalId) {
    GHRepository repository = repo(pr);
    return call(
        "POST /repos/" + pr.fullName() + "/check-runs",
        () ->
            repository
                .createCheckRun(name, headSha)
                .withStatus(GHCheckRun.Status.IN_PROGRESS)
                .withStartedAt(new Date(app.clock().millis()))
                .withExternalID(externalId)
                .create()
                .getId());
  }

  @Override
  public void updateCheckRun(PrRef pr, long checkRunId, CheckRunUpdate update) {
    GHRepository repository = repo(pr);
    call(
        "PATCH /repos/" + pr.fullName() + "/check-runs/" + checkRunId,
        () -> {
          GHCheckRunBuilder builder = repository.updateCheckRun(checkRunId);
          if (update.completes()) {
            builder
                .withStatus(GHCheckRun.Status.COMPLETED)
                .withConclusion(GHCheckRun.Conclusion.valueOf(update.conclusion().name()))
                .withCompletedAt(new Date(app.clock().millis()))
                .add(RERUN_BUTTON);
          }
          builder.add(output(update.output()));
          return builder.create().getId();
        });
  }

  private static GHCheckRunBuilder.Output output(CheckRunOutput output) {
    GHCheckRunBuilder.Output result =
        new GHCheckRunBuilder.Output(output.title(), output.summary());
    if (output.text() != null) {
      result.withText(output.text());
    }
    for (Annotation a : output.annotations()) {
      GHCheckRunBuilder.Annotation annotation =
          new GHCheckRunBuilder.Annotation(
              a.path(),
              a.startLine(),
              a.endLine(),
              GHCheckRun.AnnotationLevel.valueOf(a.level().name()),
              a.message());
      if (a.startColumn() != null && a.startLine() == a.endLine()) {
        annotation.withStartColumn(a.startColumn());
      }
      if (a.endColumn() != null && a.startLine() == a.endLine()) {
        annotation.withEndColumn(a.endColumn());
      }
      if (a.title() != null) {
        annotation.withTitle(a.title());
      }
      if (a.rawDetails() != null) {
        annotation.withRawDetails(a.rawDetails());
      }
      result.add(annotation);
    }
    return result;
  }

  @Override
  public List<ReviewThread> botThreads(PrRef pr) {
    List<ReviewThread> threads = new ArrayList<>();
    String cursor = null;
    do {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("owner", pr.owner());
      variables.put("name", pr.repo());
      variables.put("number", pr.number());
      variables.put("cursor", cursor);
      JsonNode page =
          app.graphQl()
              .execute(authorization(), THREADS_QUERY, variables, null)
              .path("repository")
              .path("pullRequest")
              .path("reviewThreads");
      for (JsonNode thread : page.path("nodes")) {
        ReviewThread ours = botThread(thread);
        if (ours != null) {
          threads.add(ours);
        }
      }
      JsonNode info = page.path("pageInfo");
      cursor =
          info.path("hasNextPage").asBoolean(false) ? info.path("endCursor").asText(null) : null;
    } while (cursor != null);
    return threads;
  }

  /** A thread whose first comment the App (the token's viewer) wrote; null otherwise. */
  private static ReviewThread botThread(JsonNode thread) {
    JsonNode comments = thread.path("comments").path("nodes");
    if (comments.size() == 0 || !comments.get(0).path("viewerDidAuthor").asBoolean(false)) {
      return null;
    }
    boolean humanReplied = false;
    for (int i = 1; i < comments.size(); i++) {
      humanReplied |= !comments.get(i).path("viewerDidAuthor").asBoolean(false);
    }
    JsonNode line = thread.path("line");
    boolean outdated = thread.path("isOutdated").asBoolean(false);
    return new ReviewThread(
        thread.path("id").asText(),
        comments.get(0).path("databaseId").asLong(),
        thread.path("path").asText(),
        outdated || !line.isNumber() ? null : line.asInt(),
        comments.get(0).path("body").asText(""),
        thread.path("isResolved").asBoolean(false),
        humanReplied);
  }

  @Override
  public long createReview(PrRef pr, ReviewRequest review) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("commit_id", review.commitId());
    body.put("body", review.body());
    body.put("event", review.event());
    List<Map<String, Object>> comments = new ArrayList<>();
    for (ReviewComment c : review.comments()) {
      Map<String, Object> comment = new LinkedHashMap<>();
      comment.put("path", c.path());
      comment.put("body", c.body());
      comment.put("line", c.line());
      comment.put("side", c.side());
      if (c.startLine() != null) {
        comment.put("start_line", c.startLine());
        comment.put("start_side", c.side());
      }
      comments.add(comment);
    }
    body.put("comments", comments);
    String path = "/repos/" + pr.fullName() + "/pulls/" + pr.number() + "/reviews";
    GitHubHttp.Response response =
        app.http().send("POST", path, authorization(), body, app.pacer(installationId));
    if (response.status() == 422) {
      String errors = response.errorText();
      Set<Integer> rejected = rejectedComments(review.comments(), errors);
      log.warn(
          "GitHub rejected the review with 422 ({} of {} comments named): {}",
          rejected.size(),
          review.comments().size(),
          errors);
      throw new ReviewRejectedException("POST " + path + " answered 422: " + errors, rejected);
    }
    if (!response.ok()) {
      throw new HostException(
          "POST " + path + " answered " + response.status() + ": " + response.errorText(),
          response.status());
    }
    return response.body().path("id").asLong();
  }

  /**
   * The comments GitHub's 422 answer names by path. GitHub usually names none ("Line could not be
   * resolved"); the job then drops every inline comment.
   */
  static Set<Integer> rejectedComments(List<ReviewComment> comments, String errors) {
    Set<Integer> rejected = new LinkedHashSet<>();
    for (int i = 0; i < comments.size(); i++) {
      if (errors.contains(comments.get(i).path())) {
        rejected.add(i);
      }
    }
    return rejected.size() == comments.size() ? Set.of() : rejected;
  }

  @Override
  public void reply(PrRef pr, long commentId, String body) {
    app.http()
        .expectOk(
            "POST",
            "/repos/"
                + pr.fullName()
                + "/pulls/"
                + pr.number()
                + "/comments/"
                + commentId
                + "/replies",
            authorization(),
            Map.of("body", body),
            app.pacer(installationId));
  }

  @Override
  public void resolveThread(PrRef pr, String threadId) {
    app.graphQl()
        .execute(
            authorization(),
            RESOLVE_MUTATION,
            Map.of("threadId", threadId),
            app.pacer(installationId));
  }

  private String authorization() {
    return "token " + token();
  }

  private String token() {
    if (token == null) {
      token = app.auth().installationToken(installationId, repository, AppAuth.API_PERMISSIONS);
    }
    return token;
  }

  private GitHub hub() {
    if (hub == null) {
      String value = token();
      hub =
          call(
              "connect to " + app.http().apiUrl().getHost(),
              () ->
                  new GitHubBuilder()
                      .withEndpoint(app.http().apiUrl().toString())
                      .withAppInstallationToken(value)
                      .withConnector(app.connector(installationId))
                      .withRateLimitHandler(HubConnector.rateLimitHandler(app.rateLimits()))
                      .withAbuseLimitHandler(HubConnector.abuseHandler(app.rateLimits()))
                      .build());
    }
    return hub;
  }

  private GHRepository repo(PrRef pr) {
    if (repo == null) {
      repo = call("GET /repos/" + pr.fullName(), () -> hub().getRepository(pr.fullName()));
    }
    return repo;
  }

  private GHPullRequest pull(PrRef pr, boolean refresh) {
    GHPullRequest pull = pulls.get(pr.number());
    if (pull == null || refresh) {
      GHRepository repository = repo(pr);
      pull =
          call(
              "GET /repos/" + pr.fullName() + "/pulls/" + pr.number(),
              () -> repository.getPullRequest(pr.number()));
      pulls.put(pr.number(), pull);
    }
    return pull;
  }

  /** A hub4j call whose failure becomes a {@link HostException} with GitHub's message. */
  private interface HubCall<T> {
    T run() throws IOException;
  }

  private static <T> T call(String what, HubCall<T> body) {
    try {
      return body.run();
    } catch (HttpException e) {
      throw new HostException(
          what + " answered " + e.getResponseCode() + ": " + githubMessage(e.getMessage()),
          Math.max(e.getResponseCode(), 0));
    } catch (IOException e) {
      throw new HostException(what + " failed: " + e.getClass().getSimpleName(), 0);
    } catch (GHException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpException) {
        HttpException http = (HttpException) cause;
        throw new HostException(
            what + " answered " + http.getResponseCode() + ": " + githubMessage(http.getMessage()),
            Math.max(http.getResponseCode(), 0));
      }
      throw new HostException(what + " failed: " + e.getClass().getSimpleName(), 0);
    }
  }

  /** GitHub's {@code message} from an error body hub4j put in an exception; never the body. */
  private static String githubMessage(String text) {
    if (text == null) {
      return "no message";
    }
    try {
      JsonNode node = JSON.readTree(text);
      if (node != null && node.has("message")) {
        return node.path("message").asText();
      }
    } catch (IOException e) {
      // Not JSON: hub4j's own message.
    }
    String firstLine = text.lines().findFirst().orElse("").trim();
    return firstLine.length() > 200 ? firstLine.substring(0, 200) : firstLine;
  }
}
