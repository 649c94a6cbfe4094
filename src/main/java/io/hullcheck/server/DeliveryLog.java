package io.hullcheck.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers recent webhook deliveries by their {@code X-GitHub-Delivery} id, so a redelivery of a
 * delivery that is in progress or succeeded is acknowledged without work, while a redelivery of one
 * that failed runs again (GitHub keeps the id across redeliveries). Bounded; thread-safe.
 */
final class DeliveryLog {
  private static final int CAPACITY = 10_000;

  private enum State {
    IN_PROGRESS,
    SUCCEEDED,
    FAILED
  }

  /** Per delivery: its state and how many of its jobs are still open. */
  private static final class Entry {
    State state = State.IN_PROGRESS;
    int open;
    boolean failed;
  }

  private final Map<String, Entry> entries =
      new LinkedHashMap<>(256, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
          return size() > CAPACITY;
        }
      };

  /** Claims a delivery for {@code jobs} jobs; false when it is in progress or has succeeded. */
  synchronized boolean claim(String deliveryId, int jobs) {
    Entry existing = entries.get(deliveryId);
    if (existing != null && existing.state != State.FAILED) {
      return false;
    }
    Entry entry = new Entry();
    entry.open = jobs;
    entry.state = jobs == 0 ? State.SUCCEEDED : State.IN_PROGRESS;
    entries.put(deliveryId, entry);
    return true;
  }

  /** Records the end of one of the delivery's jobs. */
  synchronized void finished(String deliveryId, boolean succeeded) {
    Entry entry = entries.get(deliveryId);
    if (entry == null) {
      return;
    }
    entry.failed |= !succeeded;
    entry.open--;
    if (entry.open <= 0) {
      entry.state = entry.failed ? State.FAILED : State.SUCCEEDED;
    }
  }

  /** Forgets a claim whose jobs were never queued, so a redelivery is not dropped. */
  synchronized void release(String deliveryId) {
    entries.remove(deliveryId);
  }
}
