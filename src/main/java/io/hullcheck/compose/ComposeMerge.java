package io.hullcheck.compose;

import io.hullcheck.model.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges compose models by the Compose specification's merge rules, as {@code docker compose} does
 * for an override file and for {@code extends}: mappings are merged recursively, the later value
 * wins for scalars, sequences are appended, and these exceptions hold:
 *
 * <ul>
 *   <li>{@code command}, {@code entrypoint} and {@code healthcheck.test} are replaced;
 *   <li>{@code ports}, {@code volumes}, {@code secrets}, {@code configs} and {@code devices} are
 *       merged by their unique key (the container target; for ports the address, published port,
 *       target and protocol), a later entry replacing an earlier one with the same key in place;
 *   <li>{@code environment}, {@code labels} (also under {@code build} and {@code deploy}), {@code
 *       build.args}, {@code extra_hosts}, {@code sysctls} and {@code annotations} are merged by
 *       name whether written as a list ({@code - K=v}) or a mapping; when the two files use
 *       different forms the result is a mapping;
 *   <li>a later value tagged {@code !reset} removes the key, and one tagged {@code !override}
 *       replaces the earlier value without merging.
 * </ul>
 *
 * Merged nodes keep the spans where each value is written, so a finding on a value points into the
 * file that set it. A merged mapping takes the span of the earlier one (the definition that the
 * later one extends). Stateless.
 */
final class ComposeMerge {
  private static final Set<String> REPLACED = Set.of("command", "entrypoint");
  private static final Set<String> BY_TARGET = Set.of("volumes", "secrets", "configs", "devices");
  private static final Set<String> BY_NAME =
      Set.of("environment", "labels", "args", "extra_hosts", "sysctls", "annotations");

  private ComposeMerge() {}

  /** The local tag of a node: a scalar's resolved tag, or the tag written before a collection. */
  static String tag(YNode node, String text) {
    if (node instanceof YScalar s) {
      return s.tag();
    }
    int i = node.span().startOffset();
    int end = Math.min(text.length(), node.span().endOffset());
    while (i < end) {
      char c = text.charAt(i);
      if (c == '&') {
        while (i < end && !Character.isWhitespace(text.charAt(i))) {
          i++;
        }
      } else if (c == ' ' || c == '\t') {
        i++;
      } else if (c == '!') {
        int start = i;
        while (i < end && !Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        return text.substring(start, i);
      } else {
        return "";
      }
    }
    return "";
  }

  /** Two whole compose models, the later one an override of the earlier. */
  static YMap models(YMap base, YMap over, String text) {
    return maps(base, over, "", text);
  }

  /** A service's settings with a later definition of it merged in. */
  static YMap service(YMap base, YMap over, String text) {
    return maps(base, over, "service", text);
  }

  private static YMap maps(YMap base, YMap over, String at, String text) {
    Map<String, YEntry> merged = new LinkedHashMap<>();
    for (YEntry e : base.entries()) {
      merged.put(e.name(), e);
    }
    for (YEntry e : over.entries()) {
      String tag = tag(e.value(), text);
      YEntry earlier = merged.get(e.name());
      if ("!reset".equals(tag)) {
        merged.remove(e.name());
      } else if (earlier == null || "!override".equals(tag)) {
        merged.put(e.name(), e);
      } else {
        YNode value = value(e.name(), earlier.value(), e.value(), childPath(at, e.name()), text);
        // A value merged from both keeps the earlier span, so it keeps the earlier key too: a
        // key and its value are then always written in one file.
        merged.put(
            e.name(),
            value == e.value() ? e : new YEntry(earlier.key(), value, earlier.mergedVia()));
      }
    }
    return new YMap(List.copyOf(merged.values()), base.span());
  }

  /** Where a key sits, as far as the merge rules care: services, one service, or its parts. */
  private static String childPath(String at, String key) {
    return switch (at) {
      case "" -> key.equals("services") ? "services" : "top";
      case "services" -> "service";
      case "service" -> key;
      default -> at + "." + key;
    };
  }

  private static YNode value(String key, YNode base, YNode over, String at, String text) {
    if (REPLACED.contains(at) || at.equals("healthcheck.test")) {
      return over;
    }
    boolean inService = !at.equals("top") && !at.startsWith("top.") && !at.equals("service");
    if (inService
        && BY_NAME.contains(key)
        && (at.equals(key) || at.endsWith("." + key))
        && isCollection(base)
        && isCollection(over)) {
      return byName(base, over);
    }
    if (base instanceof YMap b && over instanceof YMap o) {
      return maps(b, o, at, text);
    }
    if (base instanceof YSeq b && over instanceof YSeq o) {
      if (at.equals("ports")) {
        return byKey(b, o, ComposeMerge::portKey);
      }
      if (BY_TARGET.contains(at)) {
        return byKey(b, o, item -> targetKey(at, item));
      }
      List<YNode> items = new ArrayList<>(b.items());
      items.addAll(o.items());
      return new YSeq(List.copyOf(items), b.span());
    }
    return over;
  }

  private static boolean isCollection(YNode n) {
    return n instanceof YMap || n instanceof YSeq;
  }

  private static YSeq byKey(YSeq base, YSeq over, java.util.function.Function<YNode, String> key) {
    Map<String, YNode> merged = new LinkedHashMap<>();
    int anonymous = 0;
    for (YSeq seq : List.of(base, over)) {
      for (YNode item : seq.items()) {
        String k = key.apply(item);
        merged.put(k == null ? "\0" + anonymous++ : k, item);
      }
    }
    return new YSeq(List.copyOf(merged.values()), base.span());
  }

  /** {@code ip|published|target|protocol}; null (never merged) when a part is unknown. */
  static String portKey(YNode item) {
    if (item instanceof YMap m) {
      return known(m, "host_ip")
          + "|"
          + known(m, "published")
          + "|"
          + known(m, "target")
          + "|"
          + m.scalar("protocol").map(YScalar::value).orElse("tcp");
    }
    if (!(item instanceof YScalar s) || s.value() == null) {
      return null;
    }
    String v = s.value();
    String protocol = "tcp";
    int slash = v.lastIndexOf('/');
    if (slash >= 0) {
      protocol = v.substring(slash + 1);
      v = v.substring(0, slash);
    }
    int last = v.lastIndexOf(':');
    String target = v.substring(last + 1);
    String rest = last < 0 ? "" : v.substring(0, last);
    int prev = rest.lastIndexOf(':');
    String published = prev < 0 ? rest : rest.substring(prev + 1);
    String ip = prev < 0 ? "" : rest.substring(0, prev);
    return ip + "|" + published + "|" + target + "|" + protocol;
  }

  private static String known(YMap m, String key) {
    return m.scalar(key).filter(s -> !s.isNull()).map(YScalar::value).orElse("");
  }

  /**
   * The container-side target of a volume, secret, config or device: long syntax {@code target}
   * (secrets and configs default to their {@code source}); short syntax {@code src:target[:mode]}
   * or just the target (a secret or config name).
   */
  static String targetKey(String kind, YNode item) {
    if (item instanceof YMap m) {
      String target = known(m, "target");
      return !target.isEmpty() ? target : kind.equals("volumes") ? null : known(m, "source");
    }
    if (!(item instanceof YScalar s) || s.value() == null) {
      return null;
    }
    if (kind.equals("secrets") || kind.equals("configs")) {
      return s.value();
    }
    String[] parts = s.value().split(":", -1);
    return parts.length == 1 ? parts[0] : parts[1];
  }

  /**
   * Name-keyed settings in list or mapping form; the result takes the later form when both agree.
   */
  private static YNode byName(YNode base, YNode over) {
    if (base instanceof YSeq b && over instanceof YSeq o) {
      Map<String, YNode> merged = new LinkedHashMap<>();
      for (YSeq seq : List.of(b, o)) {
        for (YNode item : seq.items()) {
          merged.put(itemName(item), item);
        }
      }
      return new YSeq(List.copyOf(merged.values()), b.span());
    }
    Map<String, YEntry> merged = new LinkedHashMap<>();
    for (YNode side : List.of(base, over)) {
      if (side instanceof YMap m) {
        m.entries().forEach(e -> merged.put(e.name(), e));
      } else {
        for (YNode item : ((YSeq) side).items()) {
          if (item instanceof YScalar s) {
            YEntry e = asEntry(s);
            merged.put(e.name(), e);
          }
        }
      }
    }
    return new YMap(List.copyOf(merged.values()), base.span());
  }

  private static String itemName(YNode item) {
    if (item instanceof YScalar s) {
      String raw = s.raw();
      int eq = raw.indexOf('=');
      return eq < 0 ? raw : raw.substring(0, eq);
    }
    return "\0" + item.span().startOffset();
  }

  /** A list item {@code K=v} as a mapping entry; both parts keep the item's span. */
  private static YEntry asEntry(YScalar item) {
    String raw = item.raw();
    int eq = raw.indexOf('=');
    String name = eq < 0 ? raw : raw.substring(0, eq);
    Span span = item.span();
    YScalar key = new YScalar(name, name, false, "str", span);
    if (eq < 0) {
      return new YEntry(key, new YScalar("", null, false, "null", span), null);
    }
    String value = item.value() == null ? null : afterEquals(item.value());
    return new YEntry(
        key, new YScalar(raw.substring(eq + 1), value, item.quoted(), "str", span), null);
  }

  private static String afterEquals(String v) {
    int eq = v.indexOf('=');
    return eq < 0 ? "" : v.substring(eq + 1);
  }
}
