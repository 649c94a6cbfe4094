package io.hullcheck.policy;

/**
 * How the App comments, from the policy's {@code review} key. The engine only validates these; the
 * App uses them.
 *
 * @param event {@code comment} or {@code request_changes}
 * @param drafts {@code skip} or {@code review}
 */
public record ReviewSettings(
    int maxComments, boolean suggestions, String event, boolean onlyNew, String drafts) {
  public static ReviewSettings defaults() {
    return new ReviewSettings(25, true, "comment", true, "skip");
  }
}
