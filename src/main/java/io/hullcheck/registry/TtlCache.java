package io.hullcheck.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A small least-recently-used cache whose entries expire. Values are computed outside the lock, so
 * two threads may compute the same key once each; the later one wins. Thread-safe.
 */
final class TtlCache<K, V> {
  private record Entry<V>(V value, Instant expires) {}

  private final Map<K, Entry<V>> map;
  private final Duration ttl;
  private final Clock clock;

  TtlCache(int maxSize, Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
    this.map =
        new LinkedHashMap<>(16, 0.75f, /* accessOrder= */ true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
            return size() > maxSize;
          }
        };
  }

  V get(K key, Supplier<V> compute) {
    synchronized (map) {
      Entry<V> e = map.get(key);
      if (e != null && e.expires().isAfter(clock.instant())) {
        return e.value();
      }
    }
    V value = compute.get();
    synchronized (map) {
      map.put(key, new Entry<>(value, clock.instant().plus(ttl)));
    }
    return value;
  }
}
