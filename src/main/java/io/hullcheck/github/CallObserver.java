package io.hullcheck.github;

/** Hears about every call the App makes to GitHub, for metrics. Implementations are thread-safe. */
public interface CallObserver {
  /**
   * One HTTP exchange with GitHub.
   *
   * @param method {@code GET}, {@code POST}, ...
   * @param kind {@code rest} or {@code graphql}
   * @param status the HTTP status, 0 when no answer came
   */
  void call(String method, String kind, int status);

  /** The {@code X-RateLimit-Remaining} GitHub reported for a resource ({@code core}, ...). */
  void rateLimitRemaining(String resource, long remaining);

  /** Observes nothing. */
  CallObserver NONE =
      new CallObserver() {
        @Override
        public void call(String method, String kind, int status) {}

        @Override
        public void rateLimitRemaining(String resource, long remaining) {}
      };
}
