package io.hullcheck.rules;

import java.util.List;
import java.util.Map;

/**
 * A rule's options, as the policy gives them (already validated against the schema). Getters take
 * the default the rule uses when the policy is silent.
 */
public final class Options {
  private static final Options EMPTY = new Options(Map.of());
  private final Map<String, Object> values;

  public Options(Map<String, Object> values) {
    this.values = Map.copyOf(values);
  }

  public static Options empty() {
    return EMPTY;
  }

  public Map<String, Object> asMap() {
    return values;
  }

  public String getString(String key, String dflt) {
    Object v = values.get(key);
    return v == null ? dflt : v.toString();
  }

  public int getInt(String key, int dflt) {
    Object v = values.get(key);
    return v instanceof Number n ? n.intValue() : dflt;
  }

  public boolean getBoolean(String key, boolean dflt) {
    Object v = values.get(key);
    return v instanceof Boolean b ? b : dflt;
  }

  public List<String> getStringList(String key, List<String> dflt) {
    Object v = values.get(key);
    if (v instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return dflt;
  }

  /** A mapping of string keys to string values; {@code dflt} when the option is absent. */
  public Map<String, String> getStringMap(String key, Map<String, String> dflt) {
    Object v = values.get(key);
    if (v instanceof Map<?, ?> map) {
      Map<String, String> out = new java.util.LinkedHashMap<>();
      map.forEach((k, val) -> out.put(String.valueOf(k), String.valueOf(val)));
      return out;
    }
    return dflt;
  }
}
