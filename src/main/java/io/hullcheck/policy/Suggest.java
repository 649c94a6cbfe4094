package io.hullcheck.policy;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Nearest valid names for a misspelt one, by edit distance. */
final class Suggest {
  private Suggest() {}

  /**
   * The closest candidate to {@code wrong}, when it is close enough to be a plausible typo: at most
   * a third of the longer name's length in edits (and at least 2 allowed).
   */
  static Optional<String> nearest(String wrong, Collection<String> candidates) {
    String w = wrong.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(w, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    int limit = Math.max(2, Math.max(w.length(), best.length()) / 3);
    return bestDistance <= limit ? Optional.of(best) : Optional.empty();
  }

  /** "; did you mean `x`?" or the empty string. */
  static String didYouMean(String wrong, Collection<String> candidates) {
    return nearest(wrong, candidates).map(s -> "; did you mean `" + s + "`?").orElse("");
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, transpositions. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
