package io.hullcheck.compose;

import io.hullcheck.model.Span;
import java.util.List;
import java.util.Optional;

/** A mapping with its entries in order; merged entries come after the map's own ones. */
public record YMap(List<YEntry> entries, Span span) implements YNode {

  public Optional<YEntry> entry(String key) {
    for (YEntry e : entries) {
      if (e.name().equals(key)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  public Optional<YNode> get(String key) {
    return entry(key).map(YEntry::value);
  }

  public Optional<YScalar> scalar(String key) {
    return get(key).filter(YScalar.class::isInstance).map(YScalar.class::cast);
  }

  public Optional<YMap> map(String key) {
    return get(key).filter(YMap.class::isInstance).map(YMap.class::cast);
  }

  public Optional<YSeq> seq(String key) {
    return get(key).filter(YSeq.class::isInstance).map(YSeq.class::cast);
  }
}
