package io.hullcheck.rules.compose;

import io.hullcheck.compose.YEntry;
import io.hullcheck.compose.YMap;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Finds the first key of a mapping that is written after a key it should precede. Shared by the
 * ordering rules. Only keys written in the mapping itself count: keys merged in through {@code <<}
 * have no place of their own. Package-private; pure.
 */
final class KeyOrder {
  /** A key written too late, and the key before it that it should precede. */
  record Misplaced(YEntry key, YEntry after) {}

  /** Rank for keys the order does not name: they are not compared. */
  static final int UNRANKED = -1;

  private KeyOrder() {}

  /**
   * The first key whose rank is lower than that of a key written before it, if any.
   *
   * @param rank a key's place in the wanted order, or {@link #UNRANKED}
   */
  static Optional<Misplaced> first(YMap map, ToIntFunction<String> rank) {
    YEntry highest = null;
    int highestRank = UNRANKED;
    List<YEntry> written = map.entries().stream().filter(e -> e.mergedVia() == null).toList();
    for (YEntry e : written) {
      int r = rank.applyAsInt(e.name());
      if (r == UNRANKED) {
        continue;
      }
      if (r < highestRank) {
        return Optional.of(new Misplaced(e, highest));
      }
      highest = e;
      highestRank = r;
    }
    return Optional.empty();
  }
}
