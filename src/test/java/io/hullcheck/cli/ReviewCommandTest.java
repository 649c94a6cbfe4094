package io.hullcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hullcheck.github.Snapshots;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hullcheck review} end to end on a repository whose pull request adds a Dockerfile and a
 * compose file with classic mistakes, then pushes a commit fixing one of them: the real engine, the
 * real git transport on loopback, the stand-in GitHub. Asserts on the transcript of GitHub
 * requests.
 */
class ReviewCommandTest {
  static final String DOCKERFILE =
      "FROM python:3.12\n"
          + "WORKDIR /app\n"
          + "COPY app.py .\n"
          + "EXPOSE 8000\n"
          + "CMD [\"python\", \"app.py\"]\n";
  static final String COMPOSE =
      "services:\n" // 1
          + "  web:\n" // 2
          + "    build: .\n" // 3
          + "    ports:\n" // 4
          + "      - \"8000:8000\"\n" // 5
          + "    privileged: true\n" // 6
          + "    volumes:\n" // 7
          + "      - /var/run/docker.sock:/var/run/docker.sock\n"; // 8

  @TempDir static Path tmp;
  static Path repoDir;
  static String base;
  static String head;
  static String fixed;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void buildRepository() throws IOException {
    repoDir = tmp.resolve("shop.git");
    try (Repository repo = FileRepositoryBuilder.create(repoDir.toFile())) {
      repo.create(true);
      Map<String, Snapshots.Entry> files = new LinkedHashMap<>();
      files.put("README.md", Snapshots.Entry.file("# shop\n"));
      files.put("app.py", Snapshots.Entry.file("print('hi')\n"));
      ObjectId b = Snapshots.commit(repo, "refs/heads/main", null, files, "base");
      files.put("Dockerfile", Snapshots.Entry.file(DOCKERFILE));
      files.put("compose.yaml", Snapshots.Entry.file(COMPOSE));
      ObjectId h = Snapshots.commit(repo, "refs/heads/feature", b, files, "containerize");
      files.put(
          "compose.yaml",
          Snapshots.Entry.file(COMPOSE.replace("\"8000:8000\"", "\"127.0.0.1:8000:8000\"")));
      ObjectId f = Snapshots.commit(repo, "refs/heads/feature", h, files, "bind locally");
      base = b.name();
      head = h.name();
      fixed = f.name();
    }
  }

  record Run(int exit, String out, List<JsonNode> requests) {}

  static Run review(String... heads) throws IOException {
    Path transcript = Files.createTempFile(tmp, "transcript", ".json");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx = CliContext.system(new PrintWriter(out, true), new PrintWriter(err, true));
    List<String> args = new ArrayList<>(List.of("review", "--repo", repoDir.toString()));
    args.addAll(List.of("--base", "main"));
    for (String h : heads) {
      args.addAll(List.of("--head", h));
    }
    args.addAll(List.of("--transcript", transcript.toString()));
    int exit = Main.run(ctx, args.toArray(String[]::new));
    assertEquals("", err.toString(), "no errors");
    List<JsonNode> requests = new ArrayList<>();
    JSON.readTree(transcript.toFile()).forEach(requests::add);
    return new Run(exit, out.toString(), requests);
  }

  static List<JsonNode> matching(List<JsonNode> requests, String method, String pathRegex) {
    return requests.stream()
        .filter(r -> r.get("method").asText().equals(method))
        .filter(r -> r.get("path").asText().matches(pathRegex))
        .toList();
  }

  static JsonNode commentAt(JsonNode review, String path, int line) {
    for (JsonNode c : review.get("body").get("comments")) {
      if (c.get("path").asText().equals(path) && c.get("line").asInt() == line) {
        return c;
      }
    }
    throw new AssertionError("no comment at " + path + ":" + line + " in " + review);
  }

  @Test
  void firstPushFailsTheCheckWithSuggestionsOnTheRightLines() throws IOException {
    Run run = review(head);
    assertEquals(Main.EXIT_FINDINGS, run.exit());
    List<JsonNode> created = matching(run.requests(), "POST", "/repos/local/shop/check-runs");
    assertEquals(1, created.size());
    JsonNode create = created.get(0).get("body");
    assertEquals(head, create.get("head_sha").asText());
    assertEquals("in_progress", create.get("status").asText());
    assertEquals("local/shop#1", create.get("external_id").asText());
    List<JsonNode> patches = matching(run.requests(), "PATCH", "/repos/local/shop/check-runs/\\d+");
    List<JsonNode> completing =
        patches.stream().filter(p -> p.get("body").has("conclusion")).toList();
    assertEquals(1, completing.size(), "the run completes once");
    assertEquals("failure", completing.get(0).get("body").get("conclusion").asText());
    assertEquals(
        patches.get(patches.size() - 1), completing.get(0), "completion is the last update");
    for (JsonNode p : patches) {
      assertTrue(p.get("body").get("output").path("annotations").size() <= 50);
    }

    List<JsonNode> reviews = matching(run.requests(), "POST", "/repos/local/shop/pulls/1/reviews");
    assertEquals(1, reviews.size());
    JsonNode review = reviews.get(0);
    assertEquals("COMMENT", review.get("body").get("event").asText());
    assertEquals(head, review.get("body").get("commit_id").asText());

    JsonNode port = commentAt(review, "compose.yaml", 5);
    assertEquals("RIGHT", port.get("side").asText());
    assertTrue(
        port.get("body").asText().contains("```suggestion\n      - \"127.0.0.1:8000:8000\"\n```"),
        port.get("body").asText());
    JsonNode privileged = commentAt(review, "compose.yaml", 6);
    assertTrue(
        privileged.get("body").asText().contains("```suggestion\n```"),
        "removing the line is an empty suggestion: " + privileged.get("body").asText());
    JsonNode user = commentAt(review, "Dockerfile", 5);
    assertTrue(
        user.get("body").asText().contains("```suggestion\nUSER "), user.get("body").asText());
    assertTrue(user.get("body").asText().contains("CMD [\"python\", \"app.py\"]\n```"));
    commentAt(review, "compose.yaml", 8);

    Set<String> fingerprints = new HashSet<>();
    for (JsonNode c : review.get("body").get("comments")) {
      assertTrue(fingerprints.add(fingerprint(c.get("body").asText())), "unique markers");
      if (c.has("start_line")) {
        assertTrue(c.get("start_line").asInt() < c.get("line").asInt());
      }
    }
    assertTrue(run.out().contains("Check run \"Hullcheck\""));
    assertTrue(run.out().contains("FAILURE"));
  }

  @Test
  void aFixingPushResolvesItsThreadAndDuplicatesNothing() throws IOException {
    Run run = review(head, fixed, fixed);
    List<JsonNode> reviews = matching(run.requests(), "POST", "/repos/local/shop/pulls/1/reviews");
    assertEquals(1, reviews.size(), "later pushes bring nothing new to comment on");
    JsonNode port = commentAt(reviews.get(0), "compose.yaml", 5);
    String portFp = fingerprint(port.get("body").asText());

    List<JsonNode> replies =
        matching(run.requests(), "POST", "/repos/local/shop/pulls/1/comments/\\d+/replies");
    assertEquals(1, replies.size(), "one reply, and none again on the re-run");
    assertTrue(
        replies
            .get(0)
            .get("body")
            .get("body")
            .asText()
            .startsWith("Fixed in " + fixed.substring(0, 7)));
    List<JsonNode> resolves =
        matching(run.requests(), "POST", "/graphql").stream()
            .filter(r -> r.get("body").get("query").asText().contains("resolveReviewThread"))
            .toList();
    assertEquals(1, resolves.size());
    assertFalse(resolves.get(0).get("body").get("variables").get("threadId").asText().isEmpty());

    List<JsonNode> created = matching(run.requests(), "POST", "/repos/local/shop/check-runs");
    assertEquals(3, created.size(), "one check run per push");
    assertTrue(run.out().contains("(thread resolved)"));
    assertTrue(run.out().contains("1 fixed since the last push"));
    assertFalse(portFp.isEmpty());
  }

  private static final Pattern MARKER = Pattern.compile("<!-- hullcheck:fp=([0-9a-f]+) ");

  static String fingerprint(String body) {
    Matcher m = MARKER.matcher(body);
    assertTrue(m.find(), "marker in " + body);
    return m.group(1);
  }
}
