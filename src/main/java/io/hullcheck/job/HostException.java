package io.hullcheck.job;

/**
 * A call to the pull-request host failed after the host's own retries (rate limits with {@code
 * Retry-After} are honoured inside the host). The message never contains a token or a payload.
 */
public class HostException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  /**
   * @param status the HTTP status, or 0 when the request did not get an answer
   */
  public HostException(String message, int status) {
    super(message);
    this.status = status;
  }

  public HostException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
