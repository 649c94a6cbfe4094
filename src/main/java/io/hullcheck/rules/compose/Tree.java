package io.hullcheck.rules.compose;

import io.hullcheck.compose.YEntry;
import io.hullcheck.compose.YMap;
import io.hullcheck.compose.YNode;
import io.hullcheck.compose.YSeq;
import io.hullcheck.model.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds where a node is written in the resolved YAML tree. Aliases make the tree a graph whose
 * shared nodes carry the anchored original's span, so nodes are identified by kind and span and
 * each is visited once; the walk is bounded by the number of distinct written nodes.
 */
final class Tree {
  private Tree() {}

  /**
   * The map an entry is written in and the entry as written there (not merged), or null.
   *
   * @param entry an entry as a rule found it, possibly merged in through {@code <<}
   */
  record Owner(YMap map, YEntry entry) {}

  static Owner ownerOf(YNode root, YEntry entry) {
    Span key = entry.key().span();
    for (YNode n : walk(root)) {
      if (n instanceof YMap m) {
        for (YEntry e : m.entries()) {
          if (e.mergedVia() == null && e.key().span().equals(key)) {
            return new Owner(m, e);
          }
        }
      }
    }
    return null;
  }

  /**
   * For every written node, the collection it is written in, keyed by {@link #id}. Built in one
   * walk, so callers asking about many nodes pay once.
   */
  static Map<Long, YNode> parents(YNode root) {
    Map<Long, YNode> out = new HashMap<>();
    for (YNode n : walk(root)) {
      if (n instanceof YMap m) {
        for (YEntry e : m.entries()) {
          if (e.mergedVia() == null) {
            out.putIfAbsent(id(e.key()), m);
            out.putIfAbsent(id(e.value()), m);
          }
        }
      } else if (n instanceof YSeq q) {
        for (YNode item : q.items()) {
          if (q.span().contains(item.span())) {
            out.putIfAbsent(id(item), q);
          }
        }
      }
    }
    return out;
  }

  /**
   * Identifies a written node by kind and span: two distinct written nodes of one kind never share
   * both ends, and aliases reach the same written node.
   */
  static long id(YNode n) {
    long kind = n instanceof YMap ? 0 : n instanceof YSeq ? 1 : 2;
    return (((long) n.span().startOffset()) << 33) | ((long) n.span().endOffset() << 2) | kind;
  }

  /** Every distinct written node under root, parents before children. */
  static List<YNode> walk(YNode root) {
    Deque<YNode> todo = new ArrayDeque<>();
    Set<Long> seen = new HashSet<>();
    List<YNode> out = new ArrayList<>();
    if (root != null) {
      todo.add(root);
    }
    while (!todo.isEmpty()) {
      YNode n = todo.poll();
      if (!seen.add(id(n))) {
        continue;
      }
      out.add(n);
      if (n instanceof YMap m) {
        for (YEntry e : m.entries()) {
          todo.add(e.value());
        }
      } else if (n instanceof YSeq q) {
        todo.addAll(q.items());
      }
    }
    return out;
  }
}
