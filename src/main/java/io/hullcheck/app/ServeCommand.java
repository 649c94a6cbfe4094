package io.hullcheck.app;

import io.hullcheck.cli.CliContext;
import io.hullcheck.github.JGitFetcher;
import io.hullcheck.github.Settings;
import io.hullcheck.job.JobSettings;
import io.hullcheck.server.WebhookServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/**
 * {@code hullcheck serve}: runs the GitHub App until the process is stopped. Settings come from
 * {@code HULLCHECK_*} environment variables (see docs/app.md); when any is missing or invalid,
 * every problem is listed by name, no value is printed, and the exit code is 2.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the GitHub App: receives webhooks on POST /webhook and reviews pull requests.",
      "Settings: HULLCHECK_APP_ID, HULLCHECK_PRIVATE_KEY or HULLCHECK_PRIVATE_KEY_FILE,",
      "HULLCHECK_WEBHOOK_SECRET or HULLCHECK_WEBHOOK_SECRET_FILE, and optionally",
      "HULLCHECK_API_URL, HULLCHECK_PORT, HULLCHECK_HOST, HULLCHECK_WORKERS,",
      "HULLCHECK_SETTINGS_FILE, HULLCHECK_REGISTRY_LOOKUPS (and _ENDPOINTS, _TIMEOUT_SECONDS).",
      "See docs/app.md."
    })
public final class ServeCommand implements Callable<Integer> {
  private static final int EXIT_SETTINGS = 2;

  private final CliContext context;

  public ServeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    Settings.Loaded loaded = Settings.load(context.processEnv());
    if (!loaded.ok()) {
      context.err().println("hullcheck serve: cannot start; fix these settings:");
      for (String problem : loaded.problems()) {
        context.err().println("  - " + problem);
      }
      context.err().flush();
      return EXIT_SETTINGS;
    }
    WebhookServer server =
        HullcheckApp.start(
            loaded.settings(), context.rules(), new JGitFetcher(), JobSettings.defaults());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "hullcheck-shutdown"));
    stopped.await();
    return 0;
  }
}
