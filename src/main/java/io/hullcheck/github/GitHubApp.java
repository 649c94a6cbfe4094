package io.hullcheck.github;

import io.hullcheck.job.PrRef;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kohsuke.github.connector.GitHubConnector;

/**
 * The App's connection to GitHub, shared by all jobs: credentials ({@link AppAuth}), the HTTP
 * client, rate-limit policy, and one {@link Pacer} per installation so that concurrent jobs of an
 * installation together keep the spacing between content-creating calls. Thread-safe; makes a
 * {@link GitHubPrHost} per job.
 */
public final class GitHubApp {
  private final Settings settings;
  private final Clock clock;
  private final CallObserver observer;
  private final RateLimits rateLimits;
  private final GitHubHttp http;
  private final GraphQl graphQl;
  private final AppAuth auth;
  private final Map<Long, Pacer> pacers = new ConcurrentHashMap<>();

  public GitHubApp(Settings settings, CallObserver observer, Clock clock) {
    this(settings, observer, clock, GitHubHttp.defaultClient());
  }

  GitHubApp(Settings settings, CallObserver observer, Clock clock, HttpClient client) {
    this.settings = settings;
    this.clock = clock;
    this.observer = observer;
    this.rateLimits = new RateLimits(settings.maxRetryWait(), clock);
    this.http = new GitHubHttp(client, settings.apiUrl(), rateLimits, observer);
    this.graphQl = new GraphQl(http, settings.graphqlUrl().toString());
    this.auth =
        new AppAuth(new AppJwt(settings.appId(), settings.privateKey(), clock), http, clock);
  }

  /** A host for one job on {@code pr}; its installation token is made on first use. */
  public GitHubPrHost host(PrRef pr) {
    return new GitHubPrHost(this, pr);
  }

  public AppAuth auth() {
    return auth;
  }

  Clock clock() {
    return clock;
  }

  GitHubHttp http() {
    return http;
  }

  GraphQl graphQl() {
    return graphQl;
  }

  RateLimits rateLimits() {
    return rateLimits;
  }

  Pacer pacer(long installationId) {
    return pacers.computeIfAbsent(installationId, id -> new Pacer(settings.contentSpacing()));
  }

  GitHubConnector connector(long installationId) {
    return new HubConnector(GitHubConnector.DEFAULT, observer, pacer(installationId));
  }
}
