package io.hullcheck.compose;

import io.hullcheck.model.ParseProblem;
import io.hullcheck.model.SourceFile;
import io.hullcheck.model.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingEndEvent;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceEndEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Composes our {@link YNode} tree straight from snakeyaml-engine's parser events in one pass: spans
 * from the events' marks, tags resolved with the YAML 1.2 core schema, interpolated scalar values,
 * anchors and aliases, merge keys, duplicate keys reported with both places. Building from events
 * rather than from snakeyaml's own node graph skips a second tree and keeps the positions of
 * aliases and merge keys, which the node graph forgets.
 *
 * <p>An anchored node is built once and shared wherever aliases use it, so time and memory stay
 * linear in the written file however far aliases would expand it. The size and depth the tree has
 * when a reader walks it (aliases expanded) are tracked and bounded, as are the nesting while
 * reading and the number of aliases of collections, so a billion-laughs or deeply nested file ends
 * in a {@link LimitException}, never an OutOfMemoryError, a StackOverflowError or a rule walking
 * forever. Not thread-safe; one instance per load.
 */
final class YamlTree {
  /** Raised when a bound is passed; the loader turns it into a problem and drops the tree. */
  static final class LimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Span span;

    LimitException(String message, Span span) {
      super(message, null, false, false);
      this.span = span;
    }
  }

  /** Bounds for one load. */
  record Limits(long maxNodes, int maxDepth, int maxCollectionAliases) {}

  /** A built node with the size and depth it has when aliases are expanded. */
  private record Built(YNode node, long size, int depth) {}

  private final SourceFile source;
  private final Offsets offsets;
  private final Interpolator interpolator;
  private final ScalarResolver resolver;
  private final List<ParseProblem> problems;
  private final Limits limits;
  private Parser parser;

  /** Anchors of the current document, by name; an anchor may be redefined further down. */
  private final Map<String, Built> anchors = new HashMap<>();

  /** Anchors whose node is still being read: an alias to one of them is recursive. */
  private final Set<String> openAnchors = new HashSet<>();

  /** Built collections by identity, to size the entries that merge keys copy. */
  private final IdentityHashMap<YNode, Built> collections = new IdentityHashMap<>();

  private int depth;
  private int collectionAliases;
  private final List<YNode> documents = new ArrayList<>(1);

  /** Scalar ranges in the text as start, end pairs, for telling comments from '#' in values. */
  private int[] scalarRanges = new int[64];

  private int scalarCount;

  YamlTree(
      SourceFile source,
      Offsets offsets,
      Interpolator interpolator,
      ScalarResolver resolver,
      List<ParseProblem> problems,
      Limits limits) {
    this.source = source;
    this.offsets = offsets;
    this.interpolator = interpolator;
    this.resolver = resolver;
    this.problems = problems;
    this.limits = limits;
  }

  /**
   * Reads every document of the stream into {@link #documents()}. When the parser fails part way (a
   * syntax error throws), the documents read before the failure stay available.
   */
  void readDocuments(Parser events) {
    this.parser = events;
    parser.next(); // StreamStart
    while (!parser.checkEvent(Event.ID.StreamEnd)) {
      parser.next(); // DocumentStart
      anchors.clear();
      collectionAliases = 0;
      documents.add(read(parser.next()).node());
      parser.next(); // DocumentEnd
    }
  }

  /** The root of each document read, in order; a document with no content is a null scalar. */
  List<YNode> documents() {
    return documents;
  }

  /** Scalar ranges as {@code start, end} pairs; {@link #scalarCount()} of them are used. */
  int[] scalarRanges() {
    return scalarRanges;
  }

  int scalarCount() {
    return scalarCount;
  }

  private Built read(Event event) {
    if (event instanceof AliasEvent alias) {
      return alias(alias);
    }
    NodeEvent nodeEvent = (NodeEvent) event;
    Optional<Anchor> anchor = nodeEvent.getAnchor();
    anchor.ifPresent(a -> openAnchors.add(a.getValue()));
    Built built;
    if (event instanceof ScalarEvent s) {
      built = new Built(scalar(s, /* interpolate= */ true), 1, 1);
    } else {
      if (++depth > limits.maxDepth()) {
        throw new LimitException(
            "nesting deeper than " + limits.maxDepth() + " levels; the file is not checked",
            point(event.getStartMark()));
      }
      built =
          event instanceof SequenceStartEvent
              ? sequence(event)
              : mapping((MappingStartEvent) event);
      depth--;
      checkExpanded(built);
      collections.put(built.node(), built);
    }
    anchor.ifPresent(
        a -> {
          openAnchors.remove(a.getValue());
          anchors.put(a.getValue(), built);
        });
    return built;
  }

  private Built alias(AliasEvent alias) {
    String name = alias.getAlias().getValue();
    Built target = anchors.get(name);
    Span at = span(alias.getStartMark(), alias.getEndMark());
    if (target == null) {
      problems.add(
          new ParseProblem(
              at,
              openAnchors.contains(name)
                  ? "alias *" + name + " refers to the node that contains it"
                  : "alias *" + name + " has no anchor &" + name + " before it"));
      return new Built(new YScalar("", null, false, "null", at), 1, 1);
    }
    if (!(target.node() instanceof YScalar)
        && ++collectionAliases > limits.maxCollectionAliases()) {
      throw new LimitException(
          "more than "
              + limits.maxCollectionAliases()
              + " aliases of lists or mappings (a billion-laughs guard); the file is not checked",
          at);
    }
    return target;
  }

  private YScalar scalar(ScalarEvent s, boolean interpolate) {
    Span span = span(s.getStartMark(), s.getEndMark());
    recordScalar(s, span);
    String raw = s.getValue();
    String tag = tagOf(s);
    boolean quoted = s.isSQuoted() || s.isDQuoted();
    String value = raw;
    if (interpolate && isText(tag) && Interpolator.mayInterpolate(raw)) {
      try {
        value = interpolator.apply(raw);
      } catch (Interpolator.InvalidTemplateException e) {
        problems.add(new ParseProblem(span, e.getMessage()));
        value = null;
      }
    }
    return new YScalar(raw, value, quoted, tag, span);
  }

  private Built sequence(Event start) {
    List<YNode> items = new ArrayList<>();
    long size = 1;
    int maxChild = 0;
    Event next;
    while (!((next = parser.next()) instanceof SequenceEndEvent)) {
      Built item = read(next);
      items.add(item.node());
      size += item.size();
      maxChild = Math.max(maxChild, item.depth());
      checkRunningSize(size, start);
    }
    Span span = span(start.getStartMark(), next.getEndMark());
    return new Built(new YSeq(List.copyOf(items), span), size, maxChild + 1);
  }

  private Built mapping(MappingStartEvent start) {
    List<YEntry> entries = new ArrayList<>();
    Map<String, YScalar> firstKeys = new HashMap<>();
    // Merge sources in order of precedence: a map listed earlier wins over a later one.
    List<YMap> mergeSources = new ArrayList<>();
    List<Span> mergeSites = new ArrayList<>();
    long size = 1;
    int maxChild = 0;
    Event keyEvent;
    while (!((keyEvent = parser.next()) instanceof MappingEndEvent)) {
      YScalar key = key(keyEvent);
      Event valueEvent = parser.next();
      Span written = span(valueEvent.getStartMark(), valueEvent.getEndMark());
      Built value = read(valueEvent);
      if (key == null) {
        continue;
      }
      YScalar first = firstKeys.putIfAbsent(key.raw(), key);
      if (first != null) {
        problems.add(
            new ParseProblem(
                key.span(),
                "duplicate key '"
                    + key.raw()
                    + "' (first at line "
                    + first.span().startLine()
                    + "); Compose refuses the file",
                first.span()));
        continue;
      }
      if (isMergeKey(keyEvent)) {
        Span site =
            key.span().union(valueEvent instanceof AliasEvent ? written : value.node().span());
        collectMergeSources(value.node(), site, mergeSources, mergeSites);
        continue;
      }
      entries.add(new YEntry(key, value.node(), null));
      size += 1 + value.size();
      maxChild = Math.max(maxChild, value.depth());
      checkRunningSize(size, start);
    }
    Set<String> mergedNames = new HashSet<>();
    for (int i = 0; i < mergeSources.size(); i++) {
      Span site = mergeSites.get(i);
      for (YEntry e : mergeSources.get(i).entries()) {
        // The map's own keys win; among merged maps the one listed first wins.
        if (firstKeys.containsKey(e.name()) || !mergedNames.add(e.name())) {
          continue;
        }
        entries.add(new YEntry(e.key(), e.value(), site));
        Built value = builtOf(e.value());
        size += 1 + value.size();
        maxChild = Math.max(maxChild, value.depth());
        checkRunningSize(size, start);
      }
    }
    Span span = span(start.getStartMark(), keyEvent.getEndMark());
    return new Built(new YMap(List.copyOf(entries), span), size, maxChild + 1);
  }

  /** Reads a key: a scalar, or an alias to one; anything else is a problem (returns null). */
  private YScalar key(Event event) {
    if (event instanceof ScalarEvent s) {
      return scalar(s, /* interpolate= */ false);
    }
    Built built = read(event);
    if (built.node() instanceof YScalar s) {
      return s;
    }
    problems.add(
        new ParseProblem(
            built.node().span(), "a mapping key must be a plain value, not a collection"));
    return null;
  }

  private void collectMergeSources(YNode value, Span site, List<YMap> sources, List<Span> sites) {
    if (value instanceof YMap map) {
      sources.add(map);
      sites.add(site);
      return;
    }
    if (value instanceof YSeq seq) {
      for (YNode item : seq.items()) {
        if (item instanceof YMap map) {
          sources.add(map);
          sites.add(site);
        } else {
          problems.add(
              new ParseProblem(item.span(), "a merge key list may hold only mappings (*anchors)"));
        }
      }
      return;
    }
    if (value instanceof YScalar s && s.value() == null) {
      return; // an alias that could not be resolved, already reported
    }
    problems.add(
        new ParseProblem(
            value.span(), "a merge key takes a mapping or a list of mappings (*anchors)"));
  }

  /** The expanded size and depth of a node built earlier in this document. */
  private Built builtOf(YNode node) {
    Built built = collections.get(node);
    return built != null ? built : new Built(node, 1, 1);
  }

  private void checkExpanded(Built built) {
    if (built.size() > limits.maxNodes()) {
      throw tooBig(built.node().span());
    }
    if (built.depth() > limits.maxDepth()) {
      throw new LimitException(
          "nesting deeper than "
              + limits.maxDepth()
              + " levels once aliases are expanded; the file is not checked",
          built.node().span());
    }
  }

  private void checkRunningSize(long size, Event start) {
    if (size > limits.maxNodes()) {
      throw tooBig(point(start.getStartMark()));
    }
  }

  private LimitException tooBig(Span at) {
    return new LimitException(
        "aliases expand this file to more than "
            + limits.maxNodes()
            + " nodes (a billion-laughs style document); it is not checked",
        at);
  }

  private static boolean isMergeKey(Event key) {
    return key instanceof ScalarEvent s
        && s.isPlain()
        && s.getTag().isEmpty()
        && "<<".equals(s.getValue());
  }

  /**
   * The core-schema tag of a scalar: resolved from the text when no tag is written (quoted text is
   * always a string), else the written tag.
   */
  private String tagOf(ScalarEvent s) {
    Optional<String> written = s.getTag();
    if (written.isEmpty() || written.get().equals("!")) {
      if (!s.isPlain() || written.isPresent()) {
        return "str";
      }
      String value = s.getValue();
      if (!value.isEmpty() && !mayBeCoreNonString(value.charAt(0))) {
        return "str"; // most keys and values: no pattern of the schema can match
      }
      Tag tag = resolver.resolve(value, /* implicit= */ true);
      return shortTag(tag.getValue());
    }
    return shortTag(written.get());
  }

  /**
   * Whether a plain scalar starting with this char can be a core-schema null, bool, int or float
   * ({@code ~}, {@code null}, {@code true}, {@code false}, digits, signs, {@code .inf}, {@code
   * .nan}) or snakeyaml's {@code ${...}} environment form.
   */
  private static boolean mayBeCoreNonString(char c) {
    return (c >= '0' && c <= '9') || "-+.~$nNtTfF".indexOf(c) >= 0;
  }

  /**
   * Strings, and scalars with a tag of their own such as Compose's {@code !reset} and {@code
   * !override}, are interpolated; numbers, booleans and nulls hold no references.
   */
  private static boolean isText(String tag) {
    return switch (tag) {
      case "int", "float", "bool", "null" -> false;
      default -> true;
    };
  }

  private static String shortTag(String tag) {
    if (tag.startsWith(Tag.PREFIX)) {
      String name = tag.substring(Tag.PREFIX.length());
      // snakeyaml's own extras are plain strings to Compose.
      return name.equals("merge") ? "str" : name;
    }
    return tag.equals(Tag.ENV_TAG.getValue()) ? "str" : tag;
  }

  private void recordScalar(ScalarEvent s, Span span) {
    int start = span.startOffset();
    if (s.isLiteral() || s.isFolded()) {
      // A comment may follow the block header ('|-  # note'); only the body is scalar text.
      start = Math.min(span.endOffset(), source.lineContentEnd(span.startLine()));
    }
    if (span.endOffset() > start) {
      if (2 * scalarCount + 2 > scalarRanges.length) {
        scalarRanges = Arrays.copyOf(scalarRanges, scalarRanges.length * 2);
      }
      scalarRanges[2 * scalarCount] = start;
      scalarRanges[2 * scalarCount + 1] = span.endOffset();
      scalarCount++;
    }
  }

  private Span point(Optional<Mark> mark) {
    Span s = span(mark, mark);
    return source.span(s.startOffset(), Math.min(source.text().length(), s.startOffset() + 1));
  }

  Span span(Optional<Mark> start, Optional<Mark> end) {
    if (offsets.sameAsCodePoints() && start.isPresent() && end.isPresent()) {
      // Marks count lines as SourceFile does (LF, CRLF, lone CR), so when code points and chars
      // coincide their lines and columns are ours too, with no line lookup. The one exception is
      // a lone CR that ends the file, which snakeyaml does not count as a line break.
      Mark s = start.get();
      Mark e = end.get();
      String text = source.text();
      int length = text.length();
      if (e.getIndex() >= s.getIndex()
          && e.getIndex() <= length
          && !(e.getIndex() == length && length > 0 && text.charAt(length - 1) == '\r')) {
        return new Span(
            s.getIndex(),
            e.getIndex(),
            s.getLine() + 1,
            s.getColumn() + 1,
            e.getLine() + 1,
            e.getColumn() + 1);
      }
    }
    int s = start.map(m -> offsets.charOffset(m.getIndex())).orElse(0);
    int e = end.map(m -> offsets.charOffset(m.getIndex())).orElse(s);
    return source.span(s, Math.max(s, e));
  }
}
