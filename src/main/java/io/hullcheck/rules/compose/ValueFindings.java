package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.YEntry;
import io.hullcheck.model.Span;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.Rule;
import io.hullcheck.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Collects a rule's findings on written values, one finding per place a value is written. A value
 * that comes from a YAML anchor (through an alias or a {@code <<} merge key) is reported once,
 * where it is written, since that is where the user edits it; the note then names every service
 * that uses it and where each merges it, so the reader knows what an edit there changes. Not
 * thread-safe; one per check.
 */
final class ValueFindings {
  private final Rule rule;
  private final ComposeFile compose;
  private final boolean fixes;
  private final Map<String, Group> groups = new LinkedHashMap<>();

  private record Use(Service service, Span mergeSite) {}

  private static final class Group {
    final Span at;
    final String message;
    final Supplier<Fix> fix;
    final List<Use> uses = new ArrayList<>();

    Group(Span at, String message, Supplier<Fix> fix) {
      this.at = at;
      this.message = message;
      this.fix = fix;
    }
  }

  /** Collects findings that carry their fixes only when the context asks for fixes. */
  ValueFindings(Rule rule, ComposeFile compose, RuleContext context) {
    this(rule, compose, context.fixes());
  }

  private ValueFindings(Rule rule, ComposeFile compose, boolean fixes) {
    this.rule = rule;
    this.compose = compose;
    this.fixes = fixes;
  }

  /**
   * Records a bad value.
   *
   * @param topKey the service-level key the value sits under, to find where it was merged in
   * @param at where the value is written
   * @param fix builds the fix (called once per place, and only when fixes are wanted), may return
   *     null for none
   */
  void add(Service service, String topKey, Span at, String message, Supplier<Fix> fix) {
    Span site = service.body().entry(topKey).map(YEntry::mergedVia).orElse(null);
    String id = at.startOffset() + ":" + at.endOffset() + ":" + message;
    groups.computeIfAbsent(id, k -> new Group(at, message, fix)).uses.add(new Use(service, site));
  }

  List<Finding> findings() {
    List<Finding> out = new ArrayList<>();
    for (Group g : groups.values()) {
      Fix fix = g.fix == null || !fixes ? null : g.fix.get();
      Finding f = rule.finding(compose.source(), g.at, g.message, fix);
      String note = note(compose, g);
      out.add(note == null ? f : f.withNote(note));
    }
    return out;
  }

  private static String note(ComposeFile compose, Group g) {
    boolean shared = g.uses.size() > 1;
    boolean elsewhere = g.uses.stream().anyMatch(u -> !writtenIn(compose, u.service(), g.at));
    if (!shared && !elsewhere) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (Use u : g.uses) {
      names.add(
          u.mergeSite() != null
              ? u.service().name() + " (merged at " + compose.where(u.mergeSite(), g.at) + ")"
              : u.service().name() + " (" + compose.where(u.service().nameSpan(), g.at) + ")");
    }
    String owner =
        g.uses.stream()
            .filter(u -> writtenIn(compose, u.service(), g.at))
            .map(u -> u.service().name())
            .findFirst()
            .orElse(null);
    // Named with its file in a project of several files: the services' lines below may be in
    // another file than this one.
    String where =
        owner == null
            ? "The value is written at " + compose.where(g.at, null) + ", outside the service"
            : "The value is written in service " + owner + " at " + compose.where(g.at, null);
    if (!shared) {
      return where
          + ", and used by "
          + names.get(0)
          + "; fix it there, or override the key in the service";
    }
    return where
        + ", and used by services "
        + String.join(", ", names)
        + "; fixing it there fixes all of them, or override the key in one service";
  }

  /**
   * Whether a span lies in the service's own text in any file of the project: {@link
   * #writtenIn(Service, Span)}, or a definition of the service in another file (an override file's
   * {@code services.NAME}), which the merged service's spans do not cover.
   */
  static boolean writtenIn(ComposeFile compose, Service s, Span at) {
    return writtenIn(s, at) || compose.layout().inDefinitionOf(s.name(), at);
  }

  /**
   * Whether a span lies in the service's own text: its name line and its written body. In a project
   * of several files this sees only the service's first definition; see {@link
   * #writtenIn(ComposeFile, Service, Span)}.
   */
  static boolean writtenIn(Service s, Span at) {
    Span key = s.entry().key().span();
    int end = key.endOffset();
    if (s.body() != null && s.body().span().startOffset() >= key.endOffset()) {
      end = s.body().span().endOffset();
    }
    return at.startOffset() >= key.startOffset() && at.endOffset() <= end;
  }
}
