package io.hullcheck.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub's API as a WireMock server whose one catch-all stub is answered by a transformer that
 * keeps state, as GitHub would: pull requests with their files and patches, check runs (each PATCH
 * appends annotations), reviews whose comments must sit on RIGHT-side lines of the diff (else 422,
 * like GitHub), review threads with replies and resolution (GraphQL), and installation tokens.
 * Tests inject failures with {@link #failNext}. WireMock's request journal records every request
 * for the assertions.
 */
public final class FakeGitHub implements AutoCloseable {
  public static final String BOT = "hullcheck[bot]";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final WireMockServer server;
  private final AtomicLong ids = new AtomicLong(1000);
  private final Map<Integer, Pr> pulls = new HashMap<>();
  private final Map<Long, ObjectNode> checkRuns = new LinkedHashMap<>();
  private final Map<Long, ArrayNode> annotations = new HashMap<>();
  private final List<Comment> comments = new ArrayList<>();
  private final Map<String, Deque<Fault>> faults = new HashMap<>();
  private final List<String> tokens = new ArrayList<>();
  private final List<Received> journal = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Map<String, Hold> holds = new java.util.concurrent.ConcurrentHashMap<>();
  private String fixedToken;
  private String owner = "acme";
  private String repo = "shop";
  private long repoId = 1296269;

  /** One pull request's state. */
  public static final class Pr {
    public final int number;
    public volatile String baseSha;
    public volatile String headSha;
    public volatile String baseRef = "main";
    public volatile String headRef = "feature";
    public volatile boolean draft;
    public volatile boolean fork;
    public volatile String cloneUrl;
    public final List<ObjectNode> files = new java.util.concurrent.CopyOnWriteArrayList<>();

    Pr(int number) {
      this.number = number;
    }

    /** Adds a file as GitHub's {@code /files} lists it; {@code patch} may be null. */
    public Pr file(String path, String status, String patch) {
      ObjectNode file = NODES.objectNode();
      file.put("sha", "0000000000000000000000000000000000000000");
      file.put("filename", path);
      file.put("status", status);
      file.put("additions", 1);
      file.put("deletions", 0);
      file.put("changes", 1);
      if (patch != null) {
        file.put("patch", patch);
      }
      files.add(file);
      return this;
    }

    /** Replaces the file list, e.g. with {@link GitFixture#githubFiles}. */
    public Pr files(List<ObjectNode> list) {
      files.clear();
      files.addAll(list);
      return this;
    }

    public Pr renamed(String path, String previous, String patch) {
      file(path, "renamed", patch);
      files.get(files.size() - 1).put("previous_filename", previous);
      return this;
    }
  }

  /** A review comment: a thread's root or a reply. */
  public static final class Comment {
    public final long id;
    public final String threadId;
    public final int pr;
    public final String path;
    public final Integer line;
    public final Integer startLine;
    public final String body;
    public final String author;
    public final Long inReplyTo;
    public volatile boolean resolved;
    public volatile boolean outdated;

    Comment(
        long id,
        String threadId,
        int pr,
        String path,
        Integer line,
        Integer startLine,
        String body,
        String author,
        Long inReplyTo) {
      this.id = id;
      this.threadId = threadId;
      this.pr = pr;
      this.path = path;
      this.line = line;
      this.startLine = startLine;
      this.body = body;
      this.author = author;
      this.inReplyTo = inReplyTo;
    }
  }

  /** One request GitHub received: method, path with query, and the JSON body (or missing). */
  public record Received(String method, String path, JsonNode body, String authorization) {
    @Override
    public String toString() {
      return method + " " + path + (body.isMissingNode() ? "" : " " + body);
    }
  }

  private record Fault(int status, Map<String, String> headers, String body) {}

  /** A request held back until the test releases it. */
  public static final class Hold {
    private final java.util.concurrent.CountDownLatch arrived =
        new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.CountDownLatch released =
        new java.util.concurrent.CountDownLatch(1);

    /** Waits until the held request has arrived; false after 60 s. */
    public boolean awaitArrival() throws InterruptedException {
      return arrived.await(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    public void release() {
      released.countDown();
    }
  }

  /** Holds the next {@code method path} request (path without query) until released. */
  public Hold hold(String method, String path) {
    Hold hold = new Hold();
    holds.put(method + " " + path, hold);
    return hold;
  }

  public FakeGitHub() {
    server =
        new WireMockServer(
            options().bindAddress("127.0.0.1").dynamicPort().extensions(new Transformer()));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
  }

  public String baseUrl() {
    return server.baseUrl();
  }

  public FakeGitHub repository(String owner, String repo, long id) {
    this.owner = owner;
    this.repo = repo;
    this.repoId = id;
    return this;
  }

  /** Every installation token is {@code token} (so a git server can require it). */
  public synchronized FakeGitHub fixedToken(String token) {
    this.fixedToken = token;
    return this;
  }

  /** Creates or returns a pull request. */
  public synchronized Pr pull(int number) {
    return pulls.computeIfAbsent(number, Pr::new);
  }

  /** The next {@code method path} request (path without query) answers with this instead. */
  public synchronized void failNext(
      String method, String path, int status, Map<String, String> headers, String body) {
    faults
        .computeIfAbsent(method + " " + path, k -> new ArrayDeque<>())
        .add(new Fault(status, headers, body));
  }

  /** A person replies to a thread. */
  public synchronized void humanReply(long rootId, String body) {
    Comment root = comment(rootId);
    comments.add(
        new Comment(
            ids.incrementAndGet(),
            root.threadId,
            root.pr,
            root.path,
            root.line,
            null,
            body,
            "octocat",
            rootId));
  }

  /** Every installation token handed out, so tests can search logs for them. */
  public synchronized List<String> tokens() {
    return List.copyOf(tokens);
  }

  public synchronized List<Comment> comments() {
    return List.copyOf(comments);
  }

  public synchronized Map<Long, ObjectNode> checkRuns() {
    Map<Long, ObjectNode> copy = new LinkedHashMap<>();
    checkRuns.forEach((id, run) -> copy.put(id, run.deepCopy()));
    return copy;
  }

  /**
   * Every request in the order GitHub received it, recorded before it is answered (WireMock's own
   * journal may record a request after its response has gone out).
   */
  public List<Received> requests() {
    return List.copyOf(journal);
  }

  private void record(Request r) {
    JsonNode body = MissingNode.getInstance();
    if (r.getBody() != null && r.getBody().length > 0) {
      try {
        body = JSON.readTree(r.getBody());
      } catch (IOException ex) {
        body = NODES.textNode(r.getBodyAsString());
      }
    }
    journal.add(
        new Received(r.getMethod().getName(), r.getUrl(), body, r.getHeader("Authorization")));
  }

  /** Requests other than reads ({@code GET} and GraphQL queries), in order. */
  public List<Received> writes() {
    List<Received> out = new ArrayList<>();
    for (Received r : requests()) {
      boolean query =
          r.path().equals("/graphql") && r.body().path("query").asText().startsWith("query");
      boolean token = r.path().endsWith("/access_tokens");
      if (!r.method().equals("GET") && !query && !token) {
        out.add(r);
      }
    }
    return out;
  }

  public void resetRequests() {
    journal.clear();
  }

  @Override
  public void close() {
    server.stop();
  }

  private final class Transformer implements ResponseDefinitionTransformerV2 {
    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Request request = event.getRequest();
      record(request);
      Hold hold =
          holds.remove(
              request.getMethod().getName() + " " + URI.create(request.getUrl()).getPath());
      if (hold != null) {
        hold.arrived.countDown();
        try {
          hold.released.await(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      try {
        return answer(request).build();
      } catch (RuntimeException | IOException e) {
        return json(500, Map.of("message", "fake GitHub failed: " + e)).build();
      }
    }

    @Override
    public String getName() {
      return "fake-github";
    }
  }

  private static final Pattern REPO = Pattern.compile("/repos/([^/]+)/([^/]+)(/.*)?");

  private synchronized ResponseDefinitionBuilder answer(Request request) throws IOException {
    URI uri = URI.create(request.getUrl());
    String path = uri.getPath();
    String method = request.getMethod().getName();
    Deque<Fault> pending = faults.get(method + " " + path);
    if (pending != null && !pending.isEmpty()) {
      Fault fault = pending.poll();
      ResponseDefinitionBuilder b =
          aResponse().withStatus(fault.status()).withHeader("Content-Type", "application/json");
      fault.headers().forEach(b::withHeader);
      return b.withBody(fault.body());
    }
    JsonNode body =
        request.getBody() == null || request.getBody().length == 0
            ? NODES.objectNode()
            : JSON.readTree(request.getBody());
    Matcher token = Pattern.compile("/app/installations/(\\d+)/access_tokens").matcher(path);
    if (method.equals("POST") && token.matches()) {
      String value =
          fixedToken != null
              ? fixedToken
              : "ghs_fake" + ids.incrementAndGet() + "x" + Long.toHexString(System.nanoTime());
      tokens.add(value);
      ObjectNode answer = NODES.objectNode();
      answer.put("token", value);
      answer.put("expires_at", Instant.now().plusSeconds(3600).toString());
      answer.set("permissions", body.path("permissions"));
      answer.put("repository_selection", "selected");
      return json(201, answer);
    }
    if (method.equals("POST") && path.equals("/graphql")) {
      return graphql(body);
    }
    Matcher m = REPO.matcher(path);
    if (!m.matches() || !m.group(1).equals(owner) || !m.group(2).equals(repo)) {
      return json(404, Map.of("message", "Not Found"));
    }
    String rest = m.group(3) == null ? "" : m.group(3);
    if (method.equals("GET") && rest.isEmpty()) {
      return json(200, repositoryJson());
    }
    Matcher pr = Pattern.compile("/pulls/(\\d+)(/.*)?").matcher(rest);
    if (pr.matches()) {
      Pr pull = pulls.get(Integer.parseInt(pr.group(1)));
      if (pull == null) {
        return json(404, Map.of("message", "Not Found"));
      }
      String tail = pr.group(2) == null ? "" : pr.group(2);
      if (method.equals("GET") && tail.isEmpty()) {
        return json(200, pullJson(pull));
      }
      if (method.equals("GET") && tail.equals("/files")) {
        return files(pull, uri);
      }
      if (method.equals("POST") && tail.equals("/reviews")) {
        return review(pull, body);
      }
      Matcher reply = Pattern.compile("/comments/(\\d+)/replies").matcher(tail);
      if (method.equals("POST") && reply.matches()) {
        Comment root = comment(Long.parseLong(reply.group(1)));
        Comment c =
            new Comment(
                ids.incrementAndGet(),
                root.threadId,
                pull.number,
                root.path,
                root.line,
                null,
                body.path("body").asText(),
                BOT,
                root.id);
        comments.add(c);
        return json(201, Map.of("id", c.id, "body", c.body));
      }
    }
    if (method.equals("POST") && rest.equals("/check-runs")) {
      long id = ids.incrementAndGet();
      ObjectNode run = ((ObjectNode) body).deepCopy();
      run.put("id", id);
      run.put("url", baseUrl() + "/repos/" + owner + "/" + repo + "/check-runs/" + id);
      annotations.put(id, NODES.arrayNode());
      appendAnnotations(id, run);
      checkRuns.put(id, run);
      return json(201, run);
    }
    Matcher run = Pattern.compile("/check-runs/(\\d+)").matcher(rest);
    if (method.equals("PATCH") && run.matches()) {
      long id = Long.parseLong(run.group(1));
      ObjectNode existing = checkRuns.get(id);
      if (existing == null) {
        return json(404, Map.of("message", "Not Found"));
      }
      existing.setAll(((ObjectNode) body).deepCopy());
      appendAnnotations(id, existing);
      return json(200, existing);
    }
    return json(404, Map.of("message", "Not Found"));
  }

  /** GitHub appends each request's annotations to the run. */
  private void appendAnnotations(long id, ObjectNode run) {
    JsonNode batch = run.path("output").path("annotations");
    if (batch.isArray()) {
      annotations.get(id).addAll((ArrayNode) batch);
    }
    if (run.has("output")) {
      ((ObjectNode) run.get("output")).set("annotations", annotations.get(id).deepCopy());
    }
  }

  private ResponseDefinitionBuilder files(Pr pull, URI uri) {
    Map<String, String> query = new HashMap<>();
    if (uri.getQuery() != null) {
      for (String pair : uri.getQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    int perPage = Integer.parseInt(query.getOrDefault("per_page", "30"));
    int page = Integer.parseInt(query.getOrDefault("page", "1"));
    int from = Math.min((page - 1) * perPage, pull.files.size());
    int to = Math.min(from + perPage, pull.files.size());
    ArrayNode out = NODES.arrayNode();
    pull.files.subList(from, to).forEach(out::add);
    ResponseDefinitionBuilder b = json(200, out);
    if (to < pull.files.size()) {
      String next = baseUrl() + uri.getPath() + "?per_page=" + perPage + "&page=" + (page + 1);
      b.withHeader("Link", "<" + next + ">; rel=\"next\"");
    }
    return b;
  }

  private ResponseDefinitionBuilder review(Pr pull, JsonNode body) {
    List<String> errors = new ArrayList<>();
    for (JsonNode c : body.path("comments")) {
      String problem = placementProblem(pull, c);
      if (problem != null) {
        errors.add(problem);
      }
    }
    if (!errors.isEmpty()) {
      // GitHub names no comment: only the kinds of problems.
      ObjectNode error = NODES.objectNode();
      error.put("message", "Unprocessable Entity");
      ArrayNode list = error.putArray("errors");
      new TreeSet<>(errors).forEach(list::add);
      error.put(
          "documentation_url",
          "https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request");
      error.put("status", "422");
      return json(422, error);
    }
    long reviewId = ids.incrementAndGet();
    for (JsonNode c : body.path("comments")) {
      long id = ids.incrementAndGet();
      comments.add(
          new Comment(
              id,
              "PRRT_" + id,
              pull.number,
              c.path("path").asText(),
              c.path("line").asInt(),
              c.has("start_line") ? c.path("start_line").asInt() : null,
              c.path("body").asText(),
              BOT,
              null));
    }
    ObjectNode answer = NODES.objectNode();
    answer.put("id", reviewId);
    answer.put("state", "COMMENTED");
    answer.put("commit_id", body.path("commit_id").asText());
    return json(200, answer);
  }

  /** Why GitHub would refuse to place a comment, or null when it fits the diff. */
  private static String placementProblem(Pr pull, JsonNode c) {
    ObjectNode file = null;
    for (ObjectNode f : pull.files) {
      if (f.path("filename").asText().equals(c.path("path").asText())) {
        file = f;
      }
    }
    if (file == null) {
      return "Path could not be resolved";
    }
    if (!"RIGHT".equals(c.path("side").asText("RIGHT"))) {
      return "Only RIGHT side comments are expected here";
    }
    Map<Integer, Integer> hunkOfLine = rightLines(file.path("patch").asText(""));
    int line = c.path("line").asInt();
    if (!hunkOfLine.containsKey(line)) {
      return "Pull request review thread line must be part of the diff";
    }
    if (c.has("start_line")) {
      int start = c.path("start_line").asInt();
      if (start >= line) {
        return "Pull request review thread start line must precede the end line";
      }
      if (!hunkOfLine.get(line).equals(hunkOfLine.get(start))) {
        return "Pull request review thread start line must be part of the same hunk as the line";
      }
    }
    return null;
  }

  /** RIGHT-side line number → hunk index, for added and context lines of a patch. */
  static Map<Integer, Integer> rightLines(String patch) {
    Map<Integer, Integer> lines = new HashMap<>();
    Pattern header = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@.*");
    int hunk = -1;
    int next = 0;
    for (String text : patch.split("\n", -1)) {
      Matcher h = header.matcher(text);
      if (h.matches()) {
        hunk++;
        next = Integer.parseInt(h.group(1));
      } else if (hunk >= 0 && (text.startsWith("+") || text.startsWith(" "))) {
        lines.put(next++, hunk);
      } else if (hunk >= 0 && text.isEmpty()) {
        // An empty context line of a patch whose trailing spaces were trimmed.
        continue;
      }
    }
    return lines;
  }

  private ResponseDefinitionBuilder graphql(JsonNode body) {
    String query = body.path("query").asText();
    JsonNode variables = body.path("variables");
    if (query.contains("resolveReviewThread")) {
      String threadId = variables.path("threadId").asText();
      boolean found = false;
      for (Comment c : comments) {
        if (c.threadId.equals(threadId)) {
          c.resolved = true;
          found = true;
        }
      }
      if (!found) {
        return json(
            200,
            Map.of(
                "data",
                Map.of(),
                "errors",
                List.of(Map.of("message", "Could not resolve to a node"))));
      }
      return json(
          200,
          Map.of(
              "data",
              Map.of(
                  "resolveReviewThread",
                  Map.of("thread", Map.of("id", threadId, "isResolved", true)))));
    }
    if (query.contains("reviewThreads")) {
      int number = variables.path("number").asInt();
      Map<String, List<Comment>> threads = new LinkedHashMap<>();
      for (Comment c : comments) {
        if (c.pr == number) {
          threads.computeIfAbsent(c.threadId, k -> new ArrayList<>()).add(c);
        }
      }
      ArrayNode nodes = NODES.arrayNode();
      for (List<Comment> thread : threads.values()) {
        Comment root = thread.get(0);
        ObjectNode node = nodes.addObject();
        node.put("id", root.threadId);
        node.put("isResolved", root.resolved);
        node.put("isOutdated", root.outdated);
        node.put("path", root.path);
        if (root.outdated) {
          node.putNull("line");
        } else {
          node.put("line", root.line);
        }
        ArrayNode list = node.putObject("comments").putArray("nodes");
        for (Comment c : thread) {
          ObjectNode comment = list.addObject();
          comment.put("databaseId", c.id);
          comment.put("body", c.body);
          comment.put("viewerDidAuthor", c.author.equals(BOT));
        }
      }
      ObjectNode data = NODES.objectNode();
      ObjectNode page =
          data.putObject("repository").putObject("pullRequest").putObject("reviewThreads");
      page.putObject("pageInfo").put("hasNextPage", false).putNull("endCursor");
      page.set("nodes", nodes);
      return json(200, Map.of("data", data));
    }
    return json(200, Map.of("errors", List.of(Map.of("message", "unknown query"))));
  }

  private Comment comment(long id) {
    for (Comment c : comments) {
      if (c.id == id) {
        return c;
      }
    }
    throw new IllegalArgumentException("no comment " + id);
  }

  private ObjectNode repositoryJson() {
    ObjectNode r = NODES.objectNode();
    r.put("id", repoId);
    r.put("node_id", "R_kgDOAbc123");
    r.put("name", repo);
    r.put("full_name", owner + "/" + repo);
    r.put("private", false);
    r.putObject("owner").put("login", owner).put("id", 4001).put("type", "Organization");
    r.put("url", baseUrl() + "/repos/" + owner + "/" + repo);
    r.put("html_url", "https://github.com/" + owner + "/" + repo);
    r.put("fork", false);
    r.put("default_branch", "main");
    return r;
  }

  private ObjectNode pullJson(Pr pull) {
    ObjectNode p = NODES.objectNode();
    String api = baseUrl() + "/repos/" + owner + "/" + repo;
    p.put("url", api + "/pulls/" + pull.number);
    p.put("id", 2_000_000 + pull.number);
    p.put("number", pull.number);
    p.put("state", "open");
    p.put("title", "Add the service container");
    p.put("draft", pull.draft);
    p.put("locked", false);
    p.put("merged", false);
    p.putNull("mergeable");
    p.put("mergeable_state", "unknown");
    p.put("comments", 0);
    p.put("review_comments", 0);
    p.put("commits", 1);
    p.put("additions", 10);
    p.put("deletions", 0);
    p.put("changed_files", pull.files.size());
    p.put("html_url", "https://github.com/" + owner + "/" + repo + "/pull/" + pull.number);
    p.putObject("user").put("login", "octocat").put("id", 5001);
    ObjectNode base = p.putObject("base");
    base.put("ref", pull.baseRef);
    base.put("sha", pull.baseSha);
    base.put("label", owner + ":" + pull.baseRef);
    ObjectNode baseRepo = repositoryJson();
    baseRepo.put("clone_url", pull.cloneUrl);
    base.set("repo", baseRepo);
    ObjectNode head = p.putObject("head");
    head.put("ref", pull.headRef);
    head.put("sha", pull.headSha);
    ObjectNode headRepo = repositoryJson();
    if (pull.fork) {
      headRepo.put("id", repoId + 1);
      headRepo.put("full_name", "octocat/" + repo);
      headRepo.put("fork", true);
      ((ObjectNode) headRepo.get("owner")).put("login", "octocat");
      headRepo.put("clone_url", "https://github.com/octocat/" + repo + ".git");
      head.put("label", "octocat:" + pull.headRef);
    } else {
      headRepo.put("clone_url", pull.cloneUrl);
      head.put("label", owner + ":" + pull.headRef);
    }
    head.set("repo", headRepo);
    return p;
  }

  private static ResponseDefinitionBuilder json(int status, Object body) {
    try {
      return aResponse()
          .withStatus(status)
          .withHeader("Content-Type", "application/json; charset=utf-8")
          .withHeader("X-RateLimit-Limit", "5000")
          .withHeader("X-RateLimit-Remaining", "4990")
          .withHeader("X-RateLimit-Resource", "core")
          .withBody(JSON.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
