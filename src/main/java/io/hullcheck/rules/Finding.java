package io.hullcheck.rules;

import io.hullcheck.model.Span;

/**
 * One problem found by one rule at one place.
 *
 * @param path the file as reported to users, relative to the scanned root, {@code /}-separated
 * @param span where the user must edit; for values merged in from a YAML anchor, see {@code note}
 * @param fix a fix; proposed by a rule, and kept by the engine only after it has been verified
 * @param note extra context for the reader (for example "the value comes from the anchor at line
 *     3"), or null
 * @param suppression set when a suppression matched this finding, else null
 */
public record Finding(
    String ruleId,
    Severity severity,
    Category category,
    String path,
    Span span,
    String message,
    Fix fix,
    String note,
    Suppression suppression) {

  public Finding withFix(Fix newFix) {
    return new Finding(ruleId, severity, category, path, span, message, newFix, note, suppression);
  }

  public Finding withSeverity(Severity newSeverity) {
    return new Finding(ruleId, newSeverity, category, path, span, message, fix, note, suppression);
  }

  public Finding withNote(String newNote) {
    return new Finding(ruleId, severity, category, path, span, message, fix, newNote, suppression);
  }

  public Finding withPath(String newPath) {
    return new Finding(ruleId, severity, category, newPath, span, message, fix, note, suppression);
  }

  public Finding withSuppression(Suppression s) {
    return new Finding(ruleId, severity, category, path, span, message, fix, note, s);
  }

  public boolean suppressed() {
    return suppression != null;
  }
}
