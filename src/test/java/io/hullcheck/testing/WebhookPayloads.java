package io.hullcheck.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhook payloads shaped like GitHub's, from the templates in {@code src/test/resources/webhooks}.
 * Every {@code {{name}}} placeholder must be given (defaults cover the usual ones); an unfilled
 * placeholder fails the test that asked for it.
 */
public final class WebhookPayloads {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

  private final Map<String, String> values = new HashMap<>();

  private WebhookPayloads() {
    values.put("owner", "acme");
    values.put("repo", "shop");
    values.put("repo_id", "1296269");
    values.put("head_repo_id", "1296269");
    values.put("head_owner", "acme");
    values.put("number", "7");
    values.put("author", "octocat");
    values.put("installation", "4242");
    values.put("app_id", "1234");
    values.put("draft", "false");
    values.put("fork", "false");
    values.put("api", "https://api.github.com");
    values.put("clone_url", "https://github.com/acme/shop.git");
    values.put("head_clone_url", "https://github.com/acme/shop.git");
    values.put("base_sha", "1111111111111111111111111111111111111111");
    values.put("head_sha", "2222222222222222222222222222222222222222");
    values.put("changes", "");
    values.put("check_run_id", "555");
    values.put("external_id", "acme/shop#7");
    values.put("identifier", "");
  }

  /** Starts from the defaults. */
  public static WebhookPayloads defaults() {
    return new WebhookPayloads();
  }

  public WebhookPayloads with(String name, Object value) {
    values.put(name, String.valueOf(value));
    return this;
  }

  /** {@code pull_request.edited} with the base branch changed. */
  public WebhookPayloads baseChanged(String fromSha) {
    return with(
        "changes",
        "\"changes\": {\"base\": {\"ref\": {\"from\": \"develop\"}, \"sha\": {\"from\": \""
            + fromSha
            + "\"}}},");
  }

  /** {@code pull_request.edited} with only the title changed. */
  public WebhookPayloads titleChanged() {
    return with("changes", "\"changes\": {\"title\": {\"from\": \"WIP\"}},");
  }

  /** The template {@code webhooks/NAME.json} with the placeholders filled. */
  public byte[] render(String template) {
    String text = read("/webhooks/" + template + ".json");
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("no value for {{" + m.group(1) + "}} in " + template);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String read(String resource) {
    try (InputStream in = WebhookPayloads.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no template " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
