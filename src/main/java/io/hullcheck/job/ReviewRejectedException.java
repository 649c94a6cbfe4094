package io.hullcheck.job;

import java.util.Set;

/**
 * GitHub refused a review with 422 (a line outside the diff, a range across hunks, ...).
 *
 * @see PrHost#createReview
 */
public final class ReviewRejectedException extends HostException {
  private static final long serialVersionUID = 1L;

  private final Set<Integer> rejectedComments;

  /**
   * @param rejectedComments indexes into the request's comments that GitHub could not place; empty
   *     when GitHub did not say which (its usual answer), and the job then retries without any
   *     inline comment
   */
  public ReviewRejectedException(String message, Set<Integer> rejectedComments) {
    super(message, 422);
    this.rejectedComments = Set.copyOf(rejectedComments);
  }

  public Set<Integer> rejectedComments() {
    return rejectedComments;
  }
}
