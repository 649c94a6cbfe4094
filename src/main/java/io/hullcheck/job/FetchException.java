package io.hullcheck.job;

/** A fetch failed: unreachable server, refused credentials, or a missing commit. */
public final class FetchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FetchException(String message, Throwable cause) {
    super(message, cause);
  }
}
