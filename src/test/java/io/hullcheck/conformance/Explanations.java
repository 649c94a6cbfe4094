package io.hullcheck.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Why we disagree with a label, read from {@code conformance/explanations.yml}: {@code anchor ->
 * query id -> fixture file -> {kind, reason}}, plus an optional {@code not-covered: anchor -> query
 * id -> reason} for concerns we leave out on purpose.
 */
final class Explanations {
  /** Why one file disagrees. */
  record Explanation(Kind kind, String reason) {}

  /** The kinds of reason, as the document names them. */
  enum Kind {
    LABEL("their label is wrong"),
    DELIBERATE("we deliberately differ"),
    LINE("we point at another line"),
    GAP("a gap of ours");

    final String text;

    Kind(String text) {
      this.text = text;
    }
  }

  private final Map<String, Explanation> byKey;
  private final Map<String, String> notCovered;

  private Explanations(Map<String, Explanation> byKey, Map<String, String> notCovered) {
    this.byKey = byKey;
    this.notCovered = notCovered;
  }

  static String key(String anchor, String id, String file) {
    return anchor + "/" + id + "/" + file;
  }

  static Explanations load() {
    try (InputStream in = Explanations.class.getResourceAsStream("/conformance/explanations.yml")) {
      if (in == null) {
        throw new IllegalStateException("conformance/explanations.yml is not on the classpath");
      }
      Map<?, ?> doc = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
      Map<String, Explanation> byKey = new LinkedHashMap<>();
      Map<String, String> notCovered = new LinkedHashMap<>();
      for (Map.Entry<?, ?> a : doc.entrySet()) {
        String anchor = a.getKey().toString();
        for (Map.Entry<?, ?> q : ((Map<?, ?>) a.getValue()).entrySet()) {
          if (anchor.equals("not-covered")) {
            for (Map.Entry<?, ?> r : ((Map<?, ?>) q.getValue()).entrySet()) {
              notCovered.put(q.getKey() + "/" + r.getKey(), r.getValue().toString().trim());
            }
            continue;
          }
          for (Map.Entry<?, ?> f : ((Map<?, ?>) q.getValue()).entrySet()) {
            Map<?, ?> e = (Map<?, ?>) f.getValue();
            Kind kind = Kind.valueOf(e.get("kind").toString().toUpperCase(java.util.Locale.ROOT));
            byKey.put(
                key(anchor, q.getKey().toString(), f.getKey().toString()),
                new Explanation(kind, e.get("reason").toString().trim()));
          }
        }
      }
      return new Explanations(byKey, notCovered);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Optional<Explanation> of(String anchor, String id, String file) {
    return Optional.ofNullable(byKey.get(key(anchor, id, file)));
  }

  Optional<String> notCovered(String anchor, String id) {
    return Optional.ofNullable(notCovered.get(anchor + "/" + id));
  }

  List<String> keys() {
    return List.copyOf(byKey.keySet());
  }

  List<String> notCoveredKeys() {
    return List.copyOf(notCovered.keySet());
  }
}
