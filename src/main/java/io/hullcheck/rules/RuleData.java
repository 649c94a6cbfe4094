package io.hullcheck.rules;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Data tables shipped in {@code policies/} (for example the base-image variant table), as plain
 * YAML values (maps, lists, strings, numbers). A rule turns its table into a typed value once;
 * {@link #table} caches that per name. Thread-safe.
 */
public final class RuleData {
  private final Map<String, Object> raw;
  private final Map<String, Object> parsed = new ConcurrentHashMap<>();

  public RuleData(Map<String, Object> raw) {
    this.raw = Map.copyOf(raw);
  }

  public static RuleData empty() {
    return new RuleData(Map.of());
  }

  /** The raw table, or null when absent. */
  public Object raw(String name) {
    return raw.get(name);
  }

  /**
   * The table parsed by {@code parser}, computed once per name. The parser receives null if absent.
   */
  @SuppressWarnings("unchecked")
  public <T> T table(String name, Function<Object, T> parser) {
    return (T) parsed.computeIfAbsent(name, n -> parser.apply(raw.get(n)));
  }
}
