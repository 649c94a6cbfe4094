package io.hullcheck.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A fix as data: a description and non-overlapping text edits on one file. Applying it never
 * touches anything outside the edits, so indentation, quoting, line endings and the final newline
 * stay as the file had them unless an edit changes them on purpose.
 *
 * <p>The file is the finding's own unless {@code path} names another one. The engine verifies a fix
 * on another file only when it knows that file: today that is the build context's ignore file
 * ({@link BuildContext#ignorePath()}), which the fix creates when it does not exist (its text is
 * then empty). Fixes on any other file are dropped unverified.
 *
 * @param path the file the edits apply to, relative to the scanned root, or null for the file of
 *     the finding
 */
public record Fix(String description, List<TextEdit> edits, String path) {

  public Fix {
    edits = List.copyOf(edits);
  }

  public Fix(String description, List<TextEdit> edits) {
    this(description, edits, null);
  }

  public static Fix of(String description, TextEdit... edits) {
    return new Fix(description, List.of(edits));
  }

  /** A fix on another file than the finding's, such as the build context's ignore file. */
  public static Fix onFile(String path, String description, TextEdit... edits) {
    return new Fix(description, List.of(edits), path);
  }

  /** Whether the edits apply to another file than the finding's. */
  public boolean elsewhere() {
    return path != null;
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
