package io.hullcheck.app;

import io.hullcheck.cli.CliContext;
import io.hullcheck.github.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hullcheck healthcheck}: asks a running {@code hullcheck serve} for {@code /healthz}; exit
 * 0 when it answers 200, 1 otherwise. Meant for a container's HEALTHCHECK, which needs no curl.
 */
@Command(
    name = "healthcheck",
    mixinStandardHelpOptions = true,
    description = "Checks that a running 'hullcheck serve' answers GET /healthz; exit 0 if so.")
public final class HealthcheckCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(
      names = "--url",
      description =
          "The health URL (default: http://127.0.0.1:$HULLCHECK_PORT/healthz, port 8080).")
  String url;

  public HealthcheckCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    URI target = URI.create(url != null ? url : defaultUrl());
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        context.out().println("healthy");
        return 0;
      }
      context.err().println("unhealthy: " + target + " answered " + response.statusCode());
      return 1;
    } catch (IOException e) {
      context.err().println("unhealthy: " + target + " is not answering");
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private String defaultUrl() {
    String port = context.processEnv().getOrDefault(Settings.PORT, "8080").trim();
    if (!port.matches("[0-9]{1,5}")) {
      port = "8080";
    }
    return "http://127.0.0.1:" + port + "/healthz";
  }
}
