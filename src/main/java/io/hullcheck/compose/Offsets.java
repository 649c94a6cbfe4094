package io.hullcheck.compose;

/**
 * Converts snakeyaml-engine mark indexes, which count code points, into our char offsets, which
 * count UTF-16 units. They differ only after a character outside the Basic Multilingual Plane
 * (emoji, for example); files without one, nearly all, skip the table. Line breaks need no care:
 * marks index every code point, CR and LF included.
 */
final class Offsets {
  private final int length;

  /** Char offset of each code point index, or null when they are the same. */
  private final int[] charOfCodePoint;

  Offsets(String text) {
    this.length = text.length();
    int codePoints = text.codePointCount(0, length);
    if (codePoints == length) {
      charOfCodePoint = null;
      return;
    }
    charOfCodePoint = new int[codePoints + 1];
    int cp = 0;
    for (int i = 0; i < length; i = text.offsetByCodePoints(i, 1)) {
      charOfCodePoint[cp++] = i;
    }
    charOfCodePoint[cp] = length;
  }

  /** True when every code point is one char, so mark indexes are char offsets already. */
  boolean sameAsCodePoints() {
    return charOfCodePoint == null;
  }

  int charOffset(int codePointIndex) {
    if (charOfCodePoint == null) {
      return Math.min(codePointIndex, length);
    }
    return charOfCodePoint[Math.min(codePointIndex, charOfCodePoint.length - 1)];
  }
}
