package io.hullcheck.job;

/**
 * What a fetch authenticates with: for GitHub, {@code x-access-token} and an installation token.
 * Handed to the git client through a credentials provider, never put in a URL; {@link #toString()}
 * never shows the secret.
 *
 * @param username never null
 * @param secret null for anonymous access
 */
public record GitCredentials(String username, String secret) {

  /** No authentication (the local stand-in, public repositories). */
  public static final GitCredentials ANONYMOUS = new GitCredentials("anonymous", null);

  public boolean anonymous() {
    return secret == null;
  }

  @Override
  public String toString() {
    return "GitCredentials[username="
        + username
        + ", secret="
        + (secret == null ? "none" : "***")
        + "]";
  }
}
