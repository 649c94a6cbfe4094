package io.hullcheck.job;

import java.util.List;

/**
 * A check run's {@code output} for one request. GitHub appends the annotations of every request to
 * the run, and replaces title, summary and text; so every request of a run carries the same title,
 * summary and text, and a different batch of at most {@link #MAX_ANNOTATIONS} annotations.
 *
 * @param title at most 255 chars
 * @param summary Markdown, at most 65535 chars
 * @param text Markdown details, at most 65535 chars, or null
 */
public record CheckRunOutput(
    String title, String summary, String text, List<Annotation> annotations) {

  /** GitHub's limit of annotations per create or update request. */
  public static final int MAX_ANNOTATIONS = 50;

  public CheckRunOutput {
    annotations = List.copyOf(annotations);
    if (annotations.size() > MAX_ANNOTATIONS) {
      throw new IllegalArgumentException(
          "at most " + MAX_ANNOTATIONS + " annotations per request, got " + annotations.size());
    }
  }
}
