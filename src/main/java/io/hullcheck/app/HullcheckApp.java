package io.hullcheck.app;

import io.hullcheck.engine.Engine;
import io.hullcheck.github.GitHubApp;
import io.hullcheck.github.Settings;
import io.hullcheck.job.JobSettings;
import io.hullcheck.job.PrJob;
import io.hullcheck.job.SourceFetcher;
import io.hullcheck.registry.RegistryClient;
import io.hullcheck.rules.ImageRegistry;
import io.hullcheck.rules.Rule;
import io.hullcheck.server.JobRunner;
import io.hullcheck.server.ServerMetrics;
import io.hullcheck.server.WebhookServer;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GitHub App wired together: the webhook server, whose jobs are {@link PrJob}s over a {@link
 * GitHubApp} host and a source fetcher. {@code hullcheck serve} and the end-to-end tests start it
 * the same way.
 */
public final class HullcheckApp {
  /** Above this many waiting jobs {@code /readyz} answers 503, so a balancer can back off. */
  static final int READY_QUEUE_LIMIT = 500;

  private static final Logger log = LoggerFactory.getLogger(HullcheckApp.class);

  private HullcheckApp() {}

  /** Starts the App; close the returned server to stop it. */
  public static WebhookServer start(
      Settings settings, List<Rule> rules, SourceFetcher fetcher, JobSettings jobSettings) {
    ServerMetrics metrics = new ServerMetrics();
    GitHubApp github = new GitHubApp(settings, metrics, Clock.systemUTC());
    Engine engine = new Engine(rules).withRegistry(registry(settings));
    JobRunner runner =
        (request, cancelled) ->
            new PrJob(github.host(request.pr()), fetcher, engine, jobSettings)
                .run(request, cancelled);
    WebhookServer[] started = new WebhookServer[1];
    WebhookServer server =
        WebhookServer.start(
            new WebhookServer.Config(
                settings.host(),
                settings.port(),
                settings.webhookSecret(),
                numericAppId(settings.appId()),
                settings.workers(),
                runner,
                metrics,
                () -> started[0] != null && started[0].queue().depth() < READY_QUEUE_LIMIT));
    started[0] = server;
    log.info(
        "Hullcheck App {} serving webhooks on port {}; GitHub API at {}",
        settings.appId(),
        server.port(),
        settings.apiUrl());
    return server;
  }

  /** The registry client the settings ask for, or none (the default). */
  static ImageRegistry registry(Settings settings) {
    if (!settings.registryLookups()) {
      return ImageRegistry.OFFLINE;
    }
    log.info(
        "Registry lookups on (timeout {} s, {} mapped hosts)",
        settings.registryTimeout().toSeconds(),
        settings.registryEndpoints().size());
    return new RegistryClient(
        RegistryClient.Config.defaults()
            .withEndpoints(settings.registryEndpoints())
            .withTimeout(settings.registryTimeout()));
  }

  /** The App id as a number, or 0 when the setting holds a client id. */
  static long numericAppId(String appId) {
    try {
      return Long.parseLong(appId);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
