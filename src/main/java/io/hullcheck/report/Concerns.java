package io.hullcheck.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The concerns the peer tools check (section 1 of the team's study of hadolint, Trivy, KICS,
 * Checkov and dclint), each with the rules that cover it or the reason none does. Read from {@code
 * policies/concerns.yml}, which is data we maintain; a malformed file is a bug, so it fails loudly.
 *
 * @param row the concern's number in the study
 * @param target {@code dockerfile}, {@code compose}, {@code both} or {@code repository}
 * @param rules the ids of the rules that cover it; empty when none does
 * @param note why no rule covers it, or how the rules cover it when that is not obvious; null when
 *     there is nothing to say
 */
public record Concerns(int row, String concern, String target, List<String> rules, String note) {
  public static final String RESOURCE = "policies/concerns.yml";

  private static final Set<String> KEYS = Set.of("row", "concern", "target", "rules", "note");
  private static final Set<String> TARGETS = Set.of("dockerfile", "compose", "both", "repository");

  /** Every concern in row order. */
  public static List<Concerns> all() {
    try (InputStream in = Concerns.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      Object doc =
          new Load(LoadSettings.builder().setLabel(RESOURCE).build()).loadFromInputStream(in);
      return parse(doc);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static List<Concerns> parse(Object doc) {
    if (!(doc instanceof Map<?, ?> root) || !(root.get("concerns") instanceof List<?> items)) {
      throw new IllegalStateException(RESOURCE + " must hold a `concerns` list");
    }
    List<Concerns> out = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> m) || !KEYS.containsAll(m.keySet())) {
        throw new IllegalStateException(RESOURCE + ": bad entry " + item);
      }
      List<String> rules = new ArrayList<>();
      if (m.get("rules") instanceof List<?> ids) {
        ids.forEach(id -> rules.add(String.valueOf(id)));
      }
      String target = String.valueOf(m.get("target"));
      if (!(m.get("row") instanceof Integer row) || !TARGETS.contains(target)) {
        throw new IllegalStateException(RESOURCE + ": bad row or target in " + item);
      }
      Object note = m.get("note");
      out.add(
          new Concerns(
              row,
              String.valueOf(m.get("concern")),
              target,
              List.copyOf(rules),
              note == null ? null : String.valueOf(note).strip()));
    }
    return List.copyOf(out);
  }
}
