package io.hullcheck.github;

import com.fasterxml.jackson.databind.JsonNode;
import io.hullcheck.job.HostException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitHub's GraphQL API ({@code {api}/graphql}, or {@code https://HOST/api/graphql} on GitHub
 * Enterprise Server) over {@link GitHubHttp}: the review-thread calls hub4j lacks. Errors in the
 * answer's {@code errors} array become {@link HostException}s.
 */
final class GraphQl {
  private final GitHubHttp http;
  private final String url;

  GraphQl(GitHubHttp http, String url) {
    this.http = http;
    this.url = url;
  }

  /**
   * Runs a query or mutation and returns its {@code data}.
   *
   * @param pacer non-null for mutations, which create content
   */
  JsonNode execute(String authorization, String query, Map<String, Object> variables, Pacer pacer) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", query);
    body.put("variables", variables);
    GitHubHttp.Response response = http.send("POST", url, authorization, body, pacer);
    if (!response.ok()) {
      throw new HostException(
          "GraphQL answered " + response.status() + ": " + response.errorText(), response.status());
    }
    JsonNode errors = response.body().path("errors");
    if (errors.isArray() && errors.size() > 0) {
      StringBuilder text = new StringBuilder("GraphQL errors:");
      for (JsonNode error : errors) {
        text.append(' ').append(error.path("message").asText("unknown error"));
      }
      throw new HostException(text.toString(), response.status());
    }
    return response.body().path("data");
  }
}
