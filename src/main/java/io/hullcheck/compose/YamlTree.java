package io.hullcheck.compose;

import io.hullcheck.model.ParseProblem;
import io.hullcheck.model.SourceFile;
import io.hullcheck.model.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Turns one snakeyaml-engine node graph into our {@link YNode} tree in one pass: spans from marks,
 * interpolated scalar values, merge keys resolved, duplicate keys reported.
 *
 * <p>Each snakeyaml node is converted once and shared wherever aliases use it, so the work and the
 * memory stay linear in the written file even when aliases would expand it enormously; the size and
 * depth of the tree as a reader would walk it (aliases expanded) are tracked and bounded, so a
 * billion-laughs file ends in a {@link LimitException}, never an OutOfMemoryError or a rule walking
 * forever. Not thread-safe; one instance per load.
 */
final class YamlTree {
  /** Raised when the expanded tree passes a bound; the loader turns it into a problem. */
  static final class LimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Span span;

    LimitException(String message, Span span) {
      super(message, null, false, false);
      this.span = span;
    }
  }

  /** A converted node with the size and depth it has when aliases are expanded. */
  private record Built(YNode node, long size, int depth) {}

  private final SourceFile source;
  private final Offsets offsets;
  private final Interpolator interpolator;
  private final List<ParseProblem> problems;
  private final long maxNodes;
  private final int maxDepth;
  private final IdentityHashMap<Node, Built> done = new IdentityHashMap<>();
  private final IdentityHashMap<Node, Boolean> inProgress = new IdentityHashMap<>();

  /** The same results keyed by our node, for sizing entries that merge keys copy. */
  private final IdentityHashMap<YNode, Built> byNode = new IdentityHashMap<>();

  /** Scalar ranges in the text, for telling comments from '#' inside values. */
  private final List<int[]> scalarRanges = new ArrayList<>();

  YamlTree(
      SourceFile source,
      Offsets offsets,
      Interpolator interpolator,
      List<ParseProblem> problems,
      long maxNodes,
      int maxDepth) {
    this.source = source;
    this.offsets = offsets;
    this.interpolator = interpolator;
    this.problems = problems;
    this.maxNodes = maxNodes;
    this.maxDepth = maxDepth;
  }

  /** Converts a document root. */
  YNode convert(Node root) {
    return build(root).node();
  }

  /** Records scalar ranges of a node graph without converting it (later documents). */
  void scanOnly(Node root) {
    IdentityHashMap<Node, Boolean> seen = new IdentityHashMap<>();
    List<Node> stack = new ArrayList<>();
    stack.add(root);
    while (!stack.isEmpty()) {
      Node n = stack.remove(stack.size() - 1);
      if (seen.put(n, Boolean.TRUE) != null) {
        continue;
      }
      if (n instanceof ScalarNode s) {
        recordScalar(s, span(s));
      } else if (n instanceof SequenceNode q) {
        stack.addAll(q.getValue());
      } else if (n instanceof MappingNode m) {
        for (NodeTuple t : m.getValue()) {
          stack.add(t.getKeyNode());
          stack.add(t.getValueNode());
        }
      }
    }
  }

  List<int[]> scalarRanges() {
    return scalarRanges;
  }

  private Built build(Node node) {
    Built cached = done.get(node);
    if (cached != null) {
      return cached;
    }
    Span span = span(node);
    if (inProgress.containsKey(node)) {
      problems.add(new ParseProblem(span, "an alias refers to the node that contains it"));
      return new Built(new YScalar("", null, false, "null", span), 1, 1);
    }
    inProgress.put(node, Boolean.TRUE);
    Built built;
    if (node instanceof ScalarNode s) {
      built = new Built(scalar(s, span, /* interpolate= */ true), 1, 1);
    } else if (node instanceof SequenceNode q) {
      built = sequence(q, span);
    } else {
      built = mapping((MappingNode) node, span);
    }
    inProgress.remove(node);
    if (built.size() > maxNodes) {
      throw new LimitException(
          "aliases expand this file to more than "
              + maxNodes
              + " nodes (a billion-laughs style document); it is not checked",
          span);
    }
    if (built.depth() > maxDepth) {
      throw new LimitException(
          "nesting deeper than " + maxDepth + " levels (aliases expanded); it is not checked",
          span);
    }
    done.put(node, built);
    byNode.put(built.node(), built);
    return built;
  }

  private YScalar scalar(ScalarNode s, Span span, boolean interpolate) {
    recordScalar(s, span);
    String raw = s.getValue();
    String tag = shortTag(s.getTag());
    boolean quoted =
        s.getScalarStyle() == ScalarStyle.SINGLE_QUOTED
            || s.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED;
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

  private Built sequence(SequenceNode q, Span span) {
    List<Node> items = q.getValue();
    List<YNode> out = new ArrayList<>(items.size());
    long size = 1;
    int depth = 0;
    for (Node item : items) {
      Built b = build(item);
      out.add(b.node());
      size += b.size();
      depth = Math.max(depth, b.depth());
      checkRunningSize(size, span);
    }
    return new Built(new YSeq(List.copyOf(out), span), size, depth + 1);
  }

  private Built mapping(MappingNode m, Span span) {
    List<NodeTuple> tuples = m.getValue();
    List<YEntry> entries = new ArrayList<>(tuples.size());
    Map<String, YScalar> firstKeys = new HashMap<>();
    long size = 1;
    int depth = 0;
    // Merge sources in order of precedence: the first map listed wins over later ones.
    List<YMap> mergeSources = new ArrayList<>();
    List<Span> mergeSites = new ArrayList<>();
    for (NodeTuple t : tuples) {
      Node keyNode = t.getKeyNode();
      Node valueNode = t.getValueNode();
      if (!(keyNode instanceof ScalarNode keyScalar)) {
        problems.add(new ParseProblem(span(keyNode), "a mapping key must be a plain value"));
        continue;
      }
      YScalar key = scalar(keyScalar, span(keyNode), /* interpolate= */ false);
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
      Built value = build(valueNode);
      if (isMergeKey(keyScalar)) {
        Span site = mergeSite(key.span(), value.node().span());
        collectMergeSources(value.node(), site, mergeSources, mergeSites);
        continue;
      }
      entries.add(new YEntry(key, value.node(), null));
      size += 1 + value.size();
      depth = Math.max(depth, value.depth());
      checkRunningSize(size, span);
    }
    Map<String, Boolean> mergedNames = new HashMap<>();
    for (int i = 0; i < mergeSources.size(); i++) {
      Span site = mergeSites.get(i);
      for (YEntry merged : mergeSources.get(i).entries()) {
        String name = merged.name();
        // The map's own keys win; among merged maps the one listed first wins.
        if (firstKeys.containsKey(name) || mergedNames.putIfAbsent(name, Boolean.TRUE) != null) {
          continue;
        }
        entries.add(new YEntry(merged.key(), merged.value(), site));
        Built b = byNode.get(merged.value());
        size += 1 + (b == null ? 1 : b.size());
        depth = Math.max(depth, b == null ? 1 : b.depth());
        checkRunningSize(size, span);
      }
    }
    return new Built(new YMap(List.copyOf(entries), span), size, depth + 1);
  }

  private void collectMergeSources(YNode value, Span site, List<YMap> sources, List<Span> sites) {
    if (value instanceof YMap map) {
      sources.add(map);
      sites.add(site);
    } else if (value instanceof YSeq seq) {
      for (YNode item : seq.items()) {
        if (item instanceof YMap map) {
          sources.add(map);
          sites.add(site);
        } else {
          problems.add(
              new ParseProblem(item.span(), "a merge key list may hold only mappings (*anchors)"));
        }
      }
    } else {
      problems.add(
          new ParseProblem(
              value.span(), "a merge key takes a mapping or a list of mappings (*anchors)"));
    }
  }

  private void checkRunningSize(long size, Span span) {
    if (size > maxNodes) {
      throw new LimitException(
          "aliases expand this file to more than "
              + maxNodes
              + " nodes (a billion-laughs style document); it is not checked",
          span);
    }
  }

  /**
   * The span of a {@code <<} entry from its key to the end of its value. An alias value has the
   * span of the anchored node elsewhere, so the {@code *name} token is found in the text instead.
   */
  private Span mergeSite(Span key, Span value) {
    if (value.startOffset() >= key.endOffset()) {
      return key.union(value);
    }
    String text = source.text();
    int i = key.endOffset();
    while (i < text.length() && (text.charAt(i) == ':' || Character.isWhitespace(text.charAt(i)))) {
      i++;
    }
    if (i >= text.length() || text.charAt(i) != '*') {
      return key;
    }
    int end = i + 1;
    while (end < text.length()
        && !Character.isWhitespace(text.charAt(end))
        && ",[]{}".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    return source.span(key.startOffset(), end);
  }

  private static boolean isMergeKey(ScalarNode key) {
    return key.getScalarStyle() == ScalarStyle.PLAIN && "<<".equals(key.getValue());
  }

  private void recordScalar(ScalarNode s, Span span) {
    int start = span.startOffset();
    ScalarStyle style = s.getScalarStyle();
    if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
      // A comment may follow the block header ('|-  # note'); only the body is scalar text.
      int line = source.lineOf(start);
      start = Math.min(span.endOffset(), source.lineContentEnd(line));
    }
    if (span.endOffset() > start) {
      scalarRanges.add(new int[] {start, span.endOffset()});
    }
  }

  Span span(Node node) {
    return span(node.getStartMark(), node.getEndMark());
  }

  Span span(Optional<Mark> start, Optional<Mark> end) {
    int s = start.map(m -> offsets.charOffset(m.getIndex())).orElse(0);
    int e = end.map(m -> offsets.charOffset(m.getIndex())).orElse(s);
    return source.span(s, Math.max(s, e));
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

  private static String shortTag(Tag tag) {
    String value = tag.getValue();
    return value.startsWith(Tag.PREFIX) ? value.substring(Tag.PREFIX.length()) : value;
  }
}
