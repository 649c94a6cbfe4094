package io.hullcheck.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.hullcheck.job.JobRequest;
import io.hullcheck.job.PrRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Maps a verified webhook delivery to the jobs it asks for, or to the reason it asks for none.
 * Pure: reads the payload, touches nothing.
 */
public final class EventRouter {
  /** The {@code requested_action} identifier of the check run's "Re-run" button. */
  public static final String RERUN_ACTION = "rerun";

  private static final Set<String> PULL_REQUEST_ACTIONS =
      Set.of("opened", "synchronize", "reopened", "ready_for_review");

  private final long appId;

  /**
   * @param appId our App's id, to recognise our own check runs; 0 when the App id is a client id
   *     and ownership cannot be checked by number (then {@code check_run.app.client_id} is not
   *     compared either and every check run named in {@code external_id} form is taken as ours)
   */
  public EventRouter(long appId) {
    this.appId = appId;
  }

  /** The jobs a delivery asks for; empty with a reason when it asks for none. */
  public record Route(List<Trigger> triggers, String ignoredBecause) {
    static Route ignore(String reason) {
      return new Route(List.of(), reason);
    }

    static Route of(Trigger trigger) {
      return new Route(List.of(trigger), null);
    }

    public boolean ignored() {
      return triggers.isEmpty();
    }
  }

  /**
   * Routes one delivery.
   *
   * @throws IllegalArgumentException when a handled event lacks a field it must have (a 400)
   */
  public Route route(String event, JsonNode payload) {
    String action = payload.path("action").asText("");
    switch (event) {
      case "pull_request":
        return pullRequest(action, payload);
      case "check_run":
        return checkRun(action, payload);
      case "check_suite":
        return checkSuite(action, payload);
      default:
        return Route.ignore("event " + event + " is not one Hullcheck handles");
    }
  }

  private Route pullRequest(String action, JsonNode payload) {
    boolean handled =
        PULL_REQUEST_ACTIONS.contains(action)
            || ("edited".equals(action) && payload.path("changes").has("base"));
    if (!handled) {
      return Route.ignore("pull_request." + action + " does not change what is reviewed");
    }
    JsonNode pr = required(payload, "pull_request");
    PrRef ref =
        new PrRef(
            requiredText(payload.path("repository").path("owner"), "login"),
            requiredText(payload.path("repository"), "name"),
            required(pr, "number").asInt(),
            installation(payload));
    String headSha = requiredText(pr.path("head"), "sha");
    return Route.of(new Trigger(new JobRequest(ref, headSha, action), false));
  }

  private Route checkRun(String action, JsonNode payload) {
    if (!"rerequested".equals(action) && !"requested_action".equals(action)) {
      return Route.ignore("check_run." + action + " needs no work");
    }
    JsonNode run = required(payload, "check_run");
    if (!ours(run.path("app"))) {
      return Route.ignore("check_run." + action + " is about another App's check run");
    }
    if ("requested_action".equals(action)) {
      String identifier = payload.path("requested_action").path("identifier").asText("");
      if (!RERUN_ACTION.equals(identifier)) {
        return Route.ignore("requested_action " + identifier + " is not a Hullcheck button");
      }
    }
    PrRef ref = PrRef.fromExternalId(run.path("external_id").asText(null), installation(payload));
    if (ref == null) {
      ref = firstPullRequest(run.path("pull_requests"), payload);
    }
    if (ref == null) {
      return Route.ignore("check_run." + action + " names no pull request");
    }
    return Route.of(new Trigger(new JobRequest(ref, null, action), true));
  }

  private Route checkSuite(String action, JsonNode payload) {
    if (!"requested".equals(action) && !"rerequested".equals(action)) {
      return Route.ignore("check_suite." + action + " needs no work");
    }
    JsonNode suite = required(payload, "check_suite");
    String headSha = requiredText(suite, "head_sha");
    List<Trigger> triggers = new ArrayList<>();
    for (JsonNode pr : suite.path("pull_requests")) {
      PrRef ref = pullRequestRef(pr, payload);
      if (ref != null) {
        triggers.add(
            new Trigger(
                new JobRequest(ref, headSha, "check_suite." + action),
                "rerequested".equals(action)));
      }
    }
    if (triggers.isEmpty()) {
      // Pushes to branches without a pull request, and fork heads, carry no pull requests.
      return Route.ignore("check_suite." + action + " names no pull request of this repository");
    }
    return new Route(List.copyOf(triggers), null);
  }

  private PrRef firstPullRequest(JsonNode prs, JsonNode payload) {
    for (JsonNode pr : prs) {
      PrRef ref = pullRequestRef(pr, payload);
      if (ref != null) {
        return ref;
      }
    }
    return null;
  }

  /** A pull request of the payload's repository (check payloads may list other repos' PRs). */
  private static PrRef pullRequestRef(JsonNode pr, JsonNode payload) {
    long repoId = payload.path("repository").path("id").asLong(-1);
    if (pr.path("base").path("repo").path("id").asLong(repoId) != repoId || !pr.has("number")) {
      return null;
    }
    return new PrRef(
        requiredText(payload.path("repository").path("owner"), "login"),
        requiredText(payload.path("repository"), "name"),
        pr.path("number").asInt(),
        installation(payload));
  }

  private boolean ours(JsonNode app) {
    return appId == 0 || app.path("id").asLong(-1) == appId;
  }

  private static long installation(JsonNode payload) {
    long id = payload.path("installation").path("id").asLong(0);
    if (id <= 0) {
      throw new IllegalArgumentException("the payload has no installation.id");
    }
    return id;
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("the payload has no " + field);
    }
    return value;
  }

  private static String requiredText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new IllegalArgumentException("the payload has no " + field);
    }
    return value.asText();
  }
}
