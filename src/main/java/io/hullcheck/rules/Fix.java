package io.hullcheck.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A fix as data: a description and non-overlapping text edits on one file. Applying it never
 * touches anything outside the edits, so indentation, quoting, line endings and the final newline
 * stay as the file had them unless an edit changes them on purpose.
 */
public record Fix(String description, List<TextEdit> edits) {

  public Fix {
    edits = List.copyOf(edits);
  }

  public static Fix of(String description, TextEdit... edits) {
    return new Fix(description, List.of(edits));
  }

  /** The text with every edit applied. Edits must not overlap. */
  public String applyTo(String text) {
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(TextEdit::startOffset).reversed());
    StringBuilder sb = new StringBuilder(text);
    int limit = Integer.MAX_VALUE;
    for (TextEdit e : sorted) {
      if (e.endOffset() > limit || e.endOffset() > text.length()) {
        throw new IllegalArgumentException("overlapping or out-of-range edits in fix: " + this);
      }
      sb.replace(e.startOffset(), e.endOffset(), e.text());
      limit = e.startOffset();
    }
    return sb.toString();
  }
}
