package io.hullcheck.cli;

/**
 * A mistake in how Hullcheck was called (a missing path, an unreadable config): printed as its
 * message, never with a stack trace, and the command exits with {@link Main#EXIT_USAGE}.
 */
final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserError(String message) {
    super(message, null, false, false);
  }
}
