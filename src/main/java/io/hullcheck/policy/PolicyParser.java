package io.hullcheck.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hullcheck.policy.PolicyFile.Layer;
import io.hullcheck.policy.PolicyFile.RuleEntry;
import io.hullcheck.policy.PolicyFile.Setting;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.RuleMeta;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads one policy file strictly. The YAML is composed into snakeyaml-engine nodes so every error
 * names the file, line and column; the file is validated against {@link PolicySchema} and walked by
 * hand for what the schema cannot say (rule ids that exist) and for errors users can act on (the
 * allowed values and the nearest valid name). Not thread-safe: one instance per file.
 */
final class PolicyParser {
  private static final int MAX_DEPTH = 64;
  private static final String RULE_HINT = "`hullcheck rules` lists them";

  private final String source;
  private final PolicySchema schema = PolicySchema.get();
  private final List<String> ruleIds;
  private final List<String> categoryIds =
      Arrays.stream(Category.values()).map(Category::id).toList();
  private final List<Reported> errors = new ArrayList<>();
  private final Map<List<Object>, Node> valueNodes = new HashMap<>();
  private final Map<List<Object>, Node> keyNodes = new HashMap<>();

  /** The outcome: a file when there are no errors, else null and the errors in file order. */
  record Parsed(PolicyFile file, List<PolicyError> errors) {}

  private record Reported(List<Object> path, PolicyError error) {}

  private PolicyParser(String source, Collection<RuleMeta> catalogue) {
    this.source = source;
    this.ruleIds = catalogue.stream().map(RuleMeta::id).sorted().toList();
  }

  static Parsed parse(String source, String text, Collection<RuleMeta> catalogue) {
    return new PolicyParser(source, catalogue).run(text);
  }

  /**
   * The schema's verdict alone on a text (no walk, no rule ids): for tests that prove the schema
   * and the walk agree. Empty for text that is not YAML.
   */
  static List<PolicySchema.Violation> schemaViolations(String text) {
    PolicyParser p = new PolicyParser("schema-only", List.of());
    try {
      Node root =
          new Compose(LoadSettings.builder().setSchema(new CoreSchema()).build())
              .composeString(text)
              .orElse(null);
      return root == null ? List.of() : p.schema.validate(p.toJson(root, List.of(), 0));
    } catch (YamlEngineException e) {
      return List.of();
    }
  }

  /** A value that starts a list item, a mapping value or a flow item with {@code *} or {@code {}. */
  private static final Pattern UNQUOTED_GLOB = Pattern.compile("(^\\s*-|:|\\[|,)\\s+[*{]|\\[[*{]");

  /**
   * Globs are the values people most often write unquoted, and YAML reads a leading {@code *} as an
   * alias and a leading <code>{</code> as a mapping, so the parser's own message names neither;
   * when the failing line (0-based {@code line}) has such a value, the hint says to quote it.
   */
  static String unquotedGlobHint(String text, int line) {
    String[] lines = text.split("\n", -1);
    if (line < 0 || line >= lines.length || !UNQUOTED_GLOB.matcher(lines[line]).find()) {
      return "";
    }
    return "; a glob that starts with * or { must be quoted, e.g. '*.yml', because YAML reads a"
        + " leading * as an alias and a leading { as a mapping";
  }

  private Parsed run(String text) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(source)
            .setSchema(new CoreSchema())
            .setMaxAliasesForCollections(50)
            .setCodePointLimit(1024 * 1024)
            .build();
    Node root;
    try {
      root = new Compose(settings).composeString(text).orElse(null);
    } catch (MarkedYamlEngineException e) {
      Mark m = e.getProblemMark().or(e::getContextMark).orElse(null);
      String what = e.getProblem() == null ? "is not valid YAML" : e.getProblem();
      String hint = m == null ? "" : unquotedGlobHint(text, m.getLine());
      return failed(
          new PolicyError(
              source,
              m == null ? 1 : m.getLine() + 1,
              m == null ? 1 : m.getColumn() + 1,
              "not valid YAML: " + what + hint));
    } catch (YamlEngineException e) {
      return failed(new PolicyError(source, 1, 1, "not valid YAML: " + e.getMessage()));
    }
    if (root == null) {
      return new Parsed(emptyFile(), List.of());
    }
    JsonNode json = toJson(root, List.of(), 0);
    PolicyFile file = walk(root);
    addSchemaViolations(json);
    if (!errors.isEmpty()) {
      List<PolicyError> sorted =
          errors.stream()
              .map(Reported::error)
              .distinct()
              .sorted(
                  (a, b) ->
                      a.line() != b.line()
                          ? Integer.compare(a.line(), b.line())
                          : Integer.compare(a.column(), b.column()))
              .toList();
      return new Parsed(null, sorted);
    }
    return new Parsed(file, List.of());
  }

  private Parsed failed(PolicyError e) {
    return new Parsed(null, List.of(e));
  }

  private PolicyFile emptyFile() {
    return new PolicyFile(
        source,
        null,
        new Layer(source, null, Map.of(), Map.of(), null, null),
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  // ---- the walk: build the file, reporting what is wrong with positions ----

  private PolicyFile walk(Node root) {
    List<Object> here = List.of();
    if (!(root instanceof MappingNode map)) {
      error(
          here,
          root,
          "a policy file must be a mapping of keys such as `extends` and `rules`, "
              + "found "
              + describe(root));
      return null;
    }
    List<String> extendsPacks = null;
    Map<String, Setting> categories = Map.of();
    Map<String, RuleEntry> rules = Map.of();
    List<Layer> overrides = List.of();
    List<Glob> include = null;
    List<Glob> exclude = null;
    String failOn = null;
    Integer maxComments = null;
    Boolean suggestions = null;
    String event = null;
    Boolean onlyNew = null;
    String drafts = null;
    List<String> trusted = null;
    String trustedAt = null;
    Boolean requireReason = null;
    String hadolintConfig = null;
    PolicyError hadolintAt = null;
    for (NodeTuple t : entries(map, here, schema.keys(""), "a policy file")) {
      String key = keyName(t);
      List<Object> path = List.of(key);
      Node v = t.getValueNode();
      switch (key) {
        case "extends" -> extendsPacks = packs(v, path);
        case "rules" -> rules = rules(v, path);
        case "categories" -> categories = categories(v, path);
        case "paths" -> {
          if (mapping(v, path, "`paths`") instanceof MappingNode pm) {
            for (NodeTuple p : entries(pm, path, schema.keys("/properties/paths"), "`paths`")) {
              String pk = keyName(p);
              List<Glob> globs = globs(p.getValueNode(), child(path, pk), "`paths." + pk + "`");
              if (pk.equals("include")) {
                include = globs;
              } else {
                exclude = globs;
              }
            }
          }
        }
        case "overrides" -> overrides = overrides(v, path);
        case "fail_on" -> failOn = choice(v, path, "`fail_on`", "/properties/fail_on");
        case "review" -> {
          if (mapping(v, path, "`review`") instanceof MappingNode rm) {
            String rp = "/properties/review";
            for (NodeTuple r : entries(rm, path, schema.keys(rp), "`review`")) {
              String rk = keyName(r);
              List<Object> p = child(path, rk);
              Node rv = r.getValueNode();
              String name = "`review." + rk + "`";
              switch (rk) {
                case "max_comments" -> maxComments = count(rv, p, name);
                case "suggestions" -> suggestions = bool(rv, p, name);
                case "event" -> event = choice(rv, p, name, rp + "/properties/event");
                case "only_new" -> onlyNew = bool(rv, p, name);
                case "drafts" -> drafts = choice(rv, p, name, rp + "/properties/drafts");
                default -> throw new IllegalStateException("schema key without a reader: " + rk);
              }
            }
          }
        }
        case "trusted_registries" -> {
          trusted = strings(v, path, "`trusted_registries`");
          trustedAt = at(v);
        }
        case "require_reason" -> requireReason = bool(v, path, "`require_reason`");
        case "hadolint" -> {
          if (mapping(v, path, "`hadolint`") instanceof MappingNode hm) {
            for (NodeTuple h :
                entries(hm, path, schema.keys("/properties/hadolint"), "`hadolint`")) {
              Node hv = h.getValueNode();
              hadolintConfig = string(hv, child(path, "config"), "`hadolint.config`");
              hadolintAt = position(hv, "");
            }
          }
        }
        default -> throw new IllegalStateException("schema key without a reader: " + key);
      }
    }
    Layer main = new Layer(source, null, categories, rules, trusted, trustedAt);
    return new PolicyFile(
        source,
        extendsPacks,
        main,
        overrides,
        include,
        exclude,
        failOn,
        maxComments,
        suggestions,
        event,
        onlyNew,
        drafts,
        requireReason,
        hadolintConfig,
        hadolintAt);
  }

  private List<String> packs(Node v, List<Object> path) {
    List<String> allowed = schema.enumValues("/$defs/packName");
    List<String> out = new ArrayList<>();
    if (v instanceof ScalarNode s && !isNull(s)) {
      checkChoice(s, path, "`extends`", allowed).ifPresent(out::add);
      return out;
    }
    if (!(v instanceof SequenceNode seq)) {
      error(
          path,
          v,
          "`extends` must be a pack name or a list of them (one of "
              + String.join(", ", allowed)
              + "), found "
              + describe(v));
      return out;
    }
    for (int i = 0; i < seq.getValue().size(); i++) {
      Node item = seq.getValue().get(i);
      List<Object> p = child(path, i);
      if (item instanceof ScalarNode s && !isNull(s)) {
        checkChoice(s, p, "`extends`", allowed).ifPresent(out::add);
      } else {
        error(
            p,
            item,
            "`extends` lists pack names (one of "
                + String.join(", ", allowed)
                + "), found "
                + describe(item));
      }
    }
    return out;
  }

  private Map<String, RuleEntry> rules(Node v, List<Object> path) {
    Map<String, RuleEntry> out = new LinkedHashMap<>();
    if (!(mapping(v, path, "`rules`") instanceof MappingNode map)) {
      return out;
    }
    for (NodeTuple t : entries(map, path, null, "`rules`")) {
      String id = keyName(t);
      List<Object> p = child(path, id);
      if (!ruleIds.contains(id)) {
        Optional<String> near = Suggest.nearest(id, ruleIds);
        error(
            p,
            t.getKeyNode(),
            "unknown rule `"
                + id
                + "`"
                + near.map(n -> "; did you mean `" + n + "`? (" + RULE_HINT + ")")
                    .orElse("; the rules are: " + String.join(", ", ruleIds)));
        continue;
      }
      Node value = t.getValueNode();
      String levels = String.join("|", schema.enumValues("/$defs/level"));
      if (value instanceof ScalarNode s && !isNull(s)) {
        level(s, p, "rule `" + id + "`").ifPresent(l -> out.put(id, new RuleEntry(l, null, at(t))));
      } else if (value instanceof MappingNode m) {
        Level level = null;
        Map<String, Object> options = null;
        String what = "rule `" + id + "`";
        List<String> allowed = schema.keys("/$defs/ruleEntry/else");
        for (NodeTuple e : entries(m, p, allowed, what)) {
          String k = keyName(e);
          List<Object> ep = child(p, k);
          Node ev = e.getValueNode();
          if (k.equals("severity")) {
            if (ev instanceof ScalarNode s && !isNull(s)) {
              level = level(s, ep, what).orElse(null);
            } else {
              error(
                  ep,
                  ev,
                  "the severity of "
                      + what
                      + " must be one of "
                      + levels
                      + ", found "
                      + describe(ev));
            }
          } else if (mapping(ev, ep, "the options of " + what) instanceof MappingNode om) {
            options = options(om, ep, what);
            checkOptions(id, om, ep);
          }
        }
        out.put(id, new RuleEntry(level, options, at(t)));
      } else {
        error(
            p,
            value,
            what(id)
                + " must be "
                + levels
                + " or a mapping with `severity` and "
                + "`options`, found "
                + describe(value));
      }
    }
    return out;
  }

  private static String what(String id) {
    return "rule `" + id + "`";
  }

  private Map<String, Object> options(MappingNode m, List<Object> path, String what) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (NodeTuple t : entries(m, path, null, "the options of " + what)) {
      String k = keyName(t);
      Object value = plain(t.getValueNode(), child(path, k));
      if (value == null) {
        error(
            child(path, k),
            t.getValueNode(),
            "option `" + k + "` of " + what + " has no value; remove it to use the default");
      } else {
        out.put(k, value);
      }
    }
    return out;
  }

  /**
   * Every option name is one the schema lists for the rule ({@code $defs/ruleOptions/$defs/<id>})
   * and its value has the listed type. A rule the schema lists no options for takes none, so a
   * misplaced option is an error rather than a setting that silently does nothing.
   */
  private void checkOptions(String id, MappingNode m, List<Object> path) {
    String pointer = "/$defs/ruleOptions/$defs/" + id;
    JsonNode spec = schema.json().at(pointer);
    if (spec.isMissingNode()) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k) {
          error(
              child(path, k.getValue()),
              k,
              "rule `"
                  + id
                  + "` takes no options, found `"
                  + k.getValue()
                  + "`; remove it (docs/rules/"
                  + id
                  + ".md lists what the rule reads)");
        }
      }
      return;
    }
    List<String> allowed = schema.keys(pointer);
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        continue;
      }
      String name = k.getValue();
      List<Object> p = child(path, name);
      if (!allowed.contains(name)) {
        error(
            p,
            k,
            "unknown option `"
                + name
                + "` of rule `"
                + id
                + "`; allowed: "
                + String.join(", ", allowed)
                + Suggest.didYouMean(name, allowed));
        continue;
      }
      JsonNode type = spec.at("/properties/" + name + "/type");
      JsonNode items = spec.at("/properties/" + name + "/items/type");
      Node v = t.getValueNode();
      boolean ok = hasType(v, type);
      if (ok && v instanceof SequenceNode seq && !items.isMissingNode()) {
        ok = seq.getValue().stream().allMatch(i -> hasType(i, items));
      }
      if (!ok) {
        String expected = items.isMissingNode() ? types(type) : "a list of " + types(items) + "s";
        error(
            p,
            v,
            "option `"
                + name
                + "` of rule `"
                + id
                + "` must be "
                + expected
                + ", found "
                + describe(v));
      }
    }
  }

  private static boolean hasType(Node v, JsonNode type) {
    if (type.isMissingNode()) {
      return true;
    }
    List<String> wanted = new ArrayList<>();
    if (type.isArray()) {
      type.forEach(t -> wanted.add(t.asText()));
    } else {
      wanted.add(type.asText());
    }
    String actual;
    if (v instanceof MappingNode) {
      actual = "object";
    } else if (v instanceof SequenceNode) {
      actual = "array";
    } else {
      Tag tag = ((ScalarNode) v).getTag();
      actual =
          tag.equals(Tag.INT)
              ? "integer"
              : tag.equals(Tag.FLOAT)
                  ? "number"
                  : tag.equals(Tag.BOOL) ? "boolean" : tag.equals(Tag.NULL) ? "null" : "string";
    }
    return wanted.contains(actual) || (actual.equals("integer") && wanted.contains("number"));
  }

  private static String types(JsonNode type) {
    List<String> names = new ArrayList<>();
    (type.isArray() ? type : JsonNodeFactory.instance.arrayNode().add(type))
        .forEach(t -> names.add(t.asText().equals("array") ? "list" : t.asText()));
    return String.join(" or ", names);
  }

  /** A YAML value as plain Java (map, list, string, long, double, boolean); null for null. */
  private Object plain(Node n, List<Object> path) {
    if (n instanceof ScalarNode s) {
      return scalarValue(s);
    }
    if (n instanceof SequenceNode seq) {
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < seq.getValue().size(); i++) {
        Object item = plain(seq.getValue().get(i), child(path, i));
        if (item == null) {
          error(child(path, i), seq.getValue().get(i), "a list item has no value");
        } else {
          list.add(item);
        }
      }
      return Collections.unmodifiableList(list);
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (NodeTuple t : entries((MappingNode) n, path, null, "an option")) {
      Object item = plain(t.getValueNode(), child(path, keyName(t)));
      if (item == null) {
        error(child(path, keyName(t)), t.getValueNode(), "`" + keyName(t) + "` has no value");
      } else {
        map.put(keyName(t), item);
      }
    }
    return Collections.unmodifiableMap(map);
  }

  private static Object scalarValue(ScalarNode s) {
    Tag tag = s.getTag();
    String v = s.getValue();
    if (tag.equals(Tag.NULL)) {
      return null;
    }
    if (tag.equals(Tag.BOOL)) {
      return Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT));
    }
    if (tag.equals(Tag.INT)) {
      try {
        return Long.decode(v.replace("0o", "0"));
      } catch (NumberFormatException e) {
        return v;
      }
    }
    if (tag.equals(Tag.FLOAT)) {
      try {
        return Double.parseDouble(v);
      } catch (NumberFormatException e) {
        return v;
      }
    }
    return v;
  }

  private Map<String, Setting> categories(Node v, List<Object> path) {
    Map<String, Setting> out = new LinkedHashMap<>();
    if (!(mapping(v, path, "`categories`") instanceof MappingNode map)) {
      return out;
    }
    for (NodeTuple t : entries(map, path, categoryIds, "`categories`")) {
      String id = keyName(t);
      List<Object> p = child(path, id);
      Node value = t.getValueNode();
      if (value instanceof ScalarNode s && !isNull(s)) {
        level(s, p, "category `" + id + "`").ifPresent(l -> out.put(id, new Setting(l, at(t))));
      } else {
        error(
            p,
            value,
            "category `"
                + id
                + "` must be one of "
                + String.join("|", schema.enumValues("/$defs/level"))
                + ", found "
                + describe(value));
      }
    }
    return out;
  }

  private List<Layer> overrides(Node v, List<Object> path) {
    List<Layer> out = new ArrayList<>();
    if (!(v instanceof SequenceNode seq)) {
      error(
          path,
          v,
          "`overrides` must be a list of mappings with `files` and `rules`, found " + describe(v));
      return out;
    }
    List<String> allowed = schema.keys("/properties/overrides/items");
    for (int i = 0; i < seq.getValue().size(); i++) {
      Node item = seq.getValue().get(i);
      List<Object> p = child(path, i);
      String what = "`overrides[" + i + "]`";
      if (!(mapping(item, p, what) instanceof MappingNode m)) {
        continue;
      }
      List<Glob> files = null;
      Node filesNode = null;
      Map<String, RuleEntry> rules = Map.of();
      Map<String, Setting> categories = Map.of();
      for (NodeTuple t : entries(m, p, allowed, what)) {
        String k = keyName(t);
        List<Object> kp = child(p, k);
        switch (k) {
          case "files" -> {
            filesNode = t.getValueNode();
            files = globs(filesNode, kp, what + ".files");
          }
          case "rules" -> rules = rules(t.getValueNode(), kp);
          case "categories" -> categories = categories(t.getValueNode(), kp);
          default -> throw new IllegalStateException("schema key without a reader: " + k);
        }
      }
      if (files == null || files.isEmpty()) {
        if (files == null) {
          error(p, item, what + " needs `files`: a list of globs saying which files it applies to");
        } else if (filesNode instanceof SequenceNode list && list.getValue().isEmpty()) {
          // Any other shape, or bad globs, was reported by globs(); one mistake, one error.
          error(child(p, "files"), item, what + ".files must list at least one glob");
        }
        continue;
      }
      String name =
          source
              + " overrides["
              + i
              + "] (files: "
              + String.join(", ", files.stream().map(Glob::pattern).toList())
              + ")";
      out.add(new Layer(name, files, categories, rules, null, null));
    }
    return out;
  }

  // ---- typed readers ----

  private Optional<Level> level(ScalarNode s, List<Object> path, String what) {
    List<String> allowed = schema.enumValues("/$defs/level");
    return checkChoice(s, path, "the severity of " + what, allowed).map(Level::parse);
  }

  private String choice(Node v, List<Object> path, String what, String enumPointer) {
    List<String> allowed = schema.enumValues(enumPointer);
    if (v instanceof ScalarNode s && !isNull(s)) {
      return checkChoice(s, path, what, allowed).orElse(null);
    }
    error(
        path, v, what + " must be one of " + String.join(", ", allowed) + ", found " + describe(v));
    return null;
  }

  private Optional<String> checkChoice(
      ScalarNode s, List<Object> path, String what, List<String> allowed) {
    String value = s.getValue();
    if (allowed.contains(value) && !s.getTag().equals(Tag.BOOL)) {
      return Optional.of(value);
    }
    error(
        path,
        s,
        what
            + " must be one of "
            + String.join(", ", allowed)
            + ", found "
            + describe(s)
            + Suggest.didYouMean(value, allowed));
    return Optional.empty();
  }

  private Integer count(Node v, List<Object> path, String what) {
    if (v instanceof ScalarNode s
        && s.getTag().equals(Tag.INT)
        && scalarValue(s) instanceof Long n
        && n >= 0
        && n <= Integer.MAX_VALUE) {
      return n.intValue();
    }
    error(path, v, what + " must be a whole number of 0 or more, found " + describe(v));
    return null;
  }

  private Boolean bool(Node v, List<Object> path, String what) {
    if (v instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
      return (Boolean) scalarValue(s);
    }
    error(path, v, what + " must be true or false, found " + describe(v));
    return null;
  }

  private String string(Node v, List<Object> path, String what) {
    if (v instanceof ScalarNode s && s.getTag().equals(Tag.STR) && !s.getValue().isBlank()) {
      return s.getValue();
    }
    error(path, v, what + " must be a non-empty string, found " + describe(v));
    return null;
  }

  private List<String> strings(Node v, List<Object> path, String what) {
    List<String> out = new ArrayList<>();
    if (!(v instanceof SequenceNode seq)) {
      error(path, v, what + " must be a list of strings, found " + describe(v));
      return out;
    }
    for (int i = 0; i < seq.getValue().size(); i++) {
      String s = string(seq.getValue().get(i), child(path, i), what + " items");
      if (s != null) {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }

  private List<Glob> globs(Node v, List<Object> path, String what) {
    List<Glob> out = new ArrayList<>();
    if (!(v instanceof SequenceNode seq)) {
      error(path, v, what + " must be a list of globs, found " + describe(v));
      return out;
    }
    for (int i = 0; i < seq.getValue().size(); i++) {
      Node item = seq.getValue().get(i);
      String s = string(item, child(path, i), what + " items");
      if (s == null) {
        continue;
      }
      try {
        out.add(Glob.compile(s));
      } catch (IllegalArgumentException e) {
        error(child(path, i), item, "bad glob `" + s + "`: " + e.getMessage());
      }
    }
    return List.copyOf(out);
  }

  private Node mapping(Node v, List<Object> path, String what) {
    if (v instanceof MappingNode) {
      return v;
    }
    error(path, v, what + " must be a mapping, found " + describe(v));
    return null;
  }

  /**
   * The entries of a mapping, minus duplicate keys, non-string keys and (when {@code allowed} is
   * given) unknown keys, each reported.
   */
  private List<NodeTuple> entries(
      MappingNode map, List<Object> path, List<String> allowed, String where) {
    List<NodeTuple> out = new ArrayList<>();
    Map<String, Node> seen = new HashMap<>();
    for (NodeTuple t : map.getValue()) {
      Node k = t.getKeyNode();
      if (!(k instanceof ScalarNode ks) || isNull(ks)) {
        error(path, k, "keys in " + where + " must be plain names, found " + describe(k));
        continue;
      }
      String name = ks.getValue();
      Node first = seen.putIfAbsent(name, k);
      if (first != null) {
        error(
            child(path, name),
            k,
            "duplicate key `"
                + name
                + "` in "
                + where
                + " (first written at line "
                + (line(first))
                + ")");
        continue;
      }
      if (allowed != null && !allowed.contains(name)) {
        error(
            child(path, name),
            k,
            "unknown key `"
                + name
                + "` in "
                + where
                + "; allowed: "
                + String.join(", ", allowed)
                + Suggest.didYouMean(name, allowed));
        continue;
      }
      out.add(t);
    }
    return out;
  }

  private static String keyName(NodeTuple t) {
    return ((ScalarNode) t.getKeyNode()).getValue();
  }

  // ---- schema validation, mapped back to node positions ----

  private void addSchemaViolations(JsonNode json) {
    List<List<Object>> reported = errors.stream().map(Reported::path).toList();
    for (PolicySchema.Violation v : schema.validate(json)) {
      List<Object> path = v.path();
      Node node = valueNodes.get(path);
      if (v.property() != null && keyNodes.containsKey(child(path, v.property()))) {
        path = child(path, v.property());
        node = keyNodes.get(path);
      }
      List<Object> p = path;
      boolean covered = reported.stream().anyMatch(r -> startsWith(r, p) || startsWith(p, r));
      if (!covered) {
        String where = p.isEmpty() ? "the file" : "`" + pointer(p) + "`";
        errors.add(
            new Reported(p, position(node, where + " does not match the schema: " + v.message())));
      }
    }
  }

  private static boolean startsWith(List<Object> path, List<Object> prefix) {
    return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
  }

  private static String pointer(List<Object> path) {
    StringBuilder sb = new StringBuilder();
    for (Object o : path) {
      if (o instanceof Integer i) {
        sb.append('[').append(i).append(']');
      } else {
        sb.append(sb.length() == 0 ? "" : ".").append(o);
      }
    }
    return sb.toString();
  }

  private JsonNode toJson(Node n, List<Object> path, int depth) {
    valueNodes.put(path, n);
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (depth > MAX_DEPTH) {
      error(path, n, "nested more than " + MAX_DEPTH + " levels deep");
      return f.nullNode();
    }
    if (n instanceof MappingNode m) {
      ObjectNode o = f.objectNode();
      for (NodeTuple t : m.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
        keyNodes.put(child(path, key), t.getKeyNode());
        o.set(key, toJson(t.getValueNode(), child(path, key), depth + 1));
      }
      return o;
    }
    if (n instanceof SequenceNode s) {
      ArrayNode a = f.arrayNode();
      for (int i = 0; i < s.getValue().size(); i++) {
        a.add(toJson(s.getValue().get(i), child(path, i), depth + 1));
      }
      return a;
    }
    ScalarNode s = (ScalarNode) n;
    Object v = scalarValue(s);
    if (v == null) {
      return f.nullNode();
    } else if (v instanceof Boolean b) {
      return f.booleanNode(b);
    } else if (v instanceof Long l) {
      return f.numberNode(l);
    } else if (v instanceof Double d) {
      return f.numberNode(d);
    } else if (s.getTag().equals(Tag.INT)) {
      return f.numberNode(new BigInteger(s.getValue().replace("_", "")));
    }
    return f.textNode(s.getValue());
  }

  // ---- positions and messages ----

  private void error(List<Object> path, Node node, String message) {
    errors.add(new Reported(path, position(node, message)));
  }

  private PolicyError position(Node node, String message) {
    if (node == null) {
      return new PolicyError(source, 1, 1, message);
    }
    return new PolicyError(source, line(node), column(node), message);
  }

  private String at(NodeTuple t) {
    return at(t.getKeyNode());
  }

  private String at(Node n) {
    return source + ":" + line(n) + ":" + column(n);
  }

  private static int line(Node n) {
    return n.getStartMark().map(m -> m.getLine() + 1).orElse(1);
  }

  private static int column(Node n) {
    return n.getStartMark().map(m -> m.getColumn() + 1).orElse(1);
  }

  private static boolean isNull(ScalarNode s) {
    return s.getTag().equals(Tag.NULL);
  }

  private static String describe(Node n) {
    if (n instanceof MappingNode) {
      return "a mapping";
    }
    if (n instanceof SequenceNode) {
      return "a list";
    }
    ScalarNode s = (ScalarNode) n;
    Tag tag = s.getTag();
    if (tag.equals(Tag.NULL)) {
      return "nothing";
    }
    String kind =
        tag.equals(Tag.BOOL)
            ? "boolean"
            : tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) ? "number" : "string";
    return kind + " `" + s.getValue() + "`";
  }

  private static List<Object> child(List<Object> path, Object element) {
    List<Object> out = new ArrayList<>(path.size() + 1);
    out.addAll(path);
    out.add(element);
    return List.copyOf(out);
  }
}
