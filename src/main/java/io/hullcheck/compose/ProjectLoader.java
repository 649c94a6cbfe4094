package io.hullcheck.compose;

import io.hullcheck.dockerfile.Comment;
import io.hullcheck.model.ParseProblem;
import io.hullcheck.model.SourceFile;
import io.hullcheck.model.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a compose project the way {@code docker compose} reads it from a directory: the file, its
 * override file when it is the directory's default compose file, {@code extends} (same file or
 * {@code file:}, nested) and top-level {@code include} (short and long forms, a {@code path} list
 * merged in order), merged by {@link ComposeMerge}. Files are read through {@link ComposeSources},
 * so this class does no I/O. Never throws on bad input: a missing file, an {@code extends} cycle or
 * a missing service is a {@link ParseProblem} at the value that names it, and the rest still loads.
 *
 * <p>The model is read over one text made of every file of the project, one after the other (see
 * {@link ProjectText}): each file is parsed with the files before it blanked out, so its spans are
 * already spans of that text. A file whose project is just itself loads exactly as {@link
 * ComposeLoader#load} loads it. Not thread-safe; one instance per load.
 *
 * <h2>Which definition a service's name points at</h2>
 *
 * A service defined in the compose file and again in its override points at the compose file's
 * definition; one defined only in the override, at the override's. A service that uses {@code
 * extends} points at its own definition, not at the service it extends. That is where a "missing"
 * finding is reported and where its fix adds the setting.
 */
public final class ProjectLoader {
  /** The names {@code docker compose} looks for in a directory, first found wins. */
  public static final List<String> DEFAULT_NAMES =
      List.of("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml");

  /** Override files read after the default file, first found wins. */
  public static final List<String> OVERRIDE_NAMES =
      List.of(
          "compose.override.yml",
          "compose.override.yaml",
          "docker-compose.override.yml",
          "docker-compose.override.yaml");

  private final String mainPath;
  private final ComposeSources sources;
  private final Map<String, String> env;
  private final StringBuilder text = new StringBuilder();
  private final List<ProjectText.Segment> segments = new ArrayList<>();
  private final Map<String, ComposeFile> layers = new HashMap<>();
  private final Set<String> missing = new LinkedHashSet<>();
  private final List<ParseProblem> problems = new ArrayList<>();
  private final List<Comment> comments = new ArrayList<>();
  private final Map<String, YMap> models = new HashMap<>();
  private final Map<String, YMap> resolved = new HashMap<>();

  /**
   * The main file as {@link ComposeLoader#load} already loaded it alone, or null: the project's
   * first layer is that same load (same path, text and variables) unless a byte order mark had to
   * be blanked, so it is not parsed twice.
   */
  private ComposeFile mainAlone;

  private ProjectLoader(String mainPath, ComposeSources sources, Map<String, String> env) {
    this.mainPath = mainPath;
    this.sources = sources;
    this.env = env;
  }

  /**
   * Loads the project whose main file is {@code main}; {@code sources} supplies the other files.
   *
   * @param env variables for interpolation, as for {@link ComposeLoader#load}
   */
  public static ComposeFile load(SourceFile main, ComposeSources sources, Map<String, String> env) {
    ComposeSources withMain =
        path -> path.equals(main.path()) ? Optional.of(main.text()) : sources.read(path);
    ComposeFile alone = ComposeLoader.load(main, env);
    if (alone.root() == null || !needsProject(main.path(), alone.root(), withMain)) {
      return alone;
    }
    ProjectLoader project = new ProjectLoader(main.path(), withMain, env);
    project.mainAlone = alone;
    return project.load();
  }

  /**
   * The override file {@code docker compose} reads with this file: only for the directory's default
   * compose file, the first of {@link #OVERRIDE_NAMES} that exists.
   */
  public static Optional<String> overrideOf(String path, ComposeSources sources) {
    String dir = dir(path);
    String name = path.substring(dir.length());
    if (!DEFAULT_NAMES.contains(name)) {
      return Optional.empty();
    }
    for (String candidate : DEFAULT_NAMES) {
      if (candidate.equals(name)) {
        break;
      }
      if (sources.read(dir + candidate).isPresent()) {
        return Optional.empty(); // compose reads that one, not this
      }
    }
    for (String candidate : OVERRIDE_NAMES) {
      if (sources.read(dir + candidate).isPresent()) {
        return Optional.of(dir + candidate);
      }
    }
    return Optional.empty();
  }

  private static boolean needsProject(String path, YMap root, ComposeSources sources) {
    if (root.get("include").isPresent() || overrideOf(path, sources).isPresent()) {
      return true;
    }
    return root.map("services").stream()
        .flatMap(s -> s.entries().stream())
        .anyMatch(e -> e.value() instanceof YMap body && body.get("extends").isPresent());
  }

  private ComposeFile load() {
    List<String> files = new ArrayList<>();
    files.add(mainPath);
    overrideOf(mainPath, sources).ifPresent(files::add);
    YMap merged = null;
    for (String file : files) {
      YMap model = model(file, new LinkedHashSet<>());
      if (model != null) {
        merged = merged == null ? model : ComposeMerge.models(merged, model, text.toString());
      }
    }
    SourceFile source = new SourceFile(mainPath, text.toString());
    List<Service> services =
        merged == null
            ? List.of()
            : ServiceReader.read(source, merged, new Interpolator(env), new ArrayList<>());
    return new ComposeFile(
        source,
        merged,
        services,
        List.copyOf(comments),
        List.copyOf(problems),
        new ProjectText(segments, definitions(source)));
  }

  /**
   * Where each file read defines each service, by name: from the name to the end of its body. A
   * merged service keeps the spans of its first definition only, so this is how a rule tells a
   * value an override file writes in the service from one written outside it (an anchor).
   */
  private Map<String, List<Span>> definitions(SourceFile source) {
    Map<String, List<Span>> out = new HashMap<>();
    for (ComposeFile layer : layers.values()) {
      if (layer == null || layer.root() == null) {
        continue;
      }
      for (YEntry e : layer.root().map("services").map(YMap::entries).orElse(List.of())) {
        int end = e.value() == null ? e.key().span().endOffset() : e.value().span().endOffset();
        out.computeIfAbsent(e.name(), k -> new ArrayList<>())
            .add(source.span(e.key().span().startOffset(), end));
      }
    }
    out.replaceAll((name, spans) -> List.copyOf(spans));
    return out;
  }

  // ---------------------------------------------------------------- files

  /** One file as parsed in the project text, or null when it cannot be read. */
  private ComposeFile layer(String path) {
    if (layers.containsKey(path) || missing.contains(path)) {
      return layers.get(path);
    }
    Optional<String> read = sources.read(path);
    if (read.isEmpty()) {
      missing.add(path);
      return null;
    }
    String fileText = read.get();
    if (text.length() > 0 && !endsWithNewline(text)) {
      text.append('\n');
    }
    int base = text.length();
    int firstLine = new SourceFile("", text.toString()).lineOf(base);
    StringBuilder parse = new StringBuilder(base + fileText.length());
    for (int i = 0; i < base; i++) {
      char c = text.charAt(i);
      parse.append(c == '\n' || c == '\r' ? c : ' ');
    }
    parse.append(fileText);
    if (fileText.startsWith("\uFEFF")) {
      parse.setCharAt(base, ' ');
    }
    ComposeFile loaded =
        base == 0 && path.equals(mainPath) && mainAlone != null && !fileText.startsWith("\uFEFF")
            ? mainAlone
            : ComposeLoader.load(new SourceFile(mainPath, parse.toString()), env);
    segments.add(new ProjectText.Segment(path, base, firstLine, new SourceFile(path, fileText)));
    text.append(fileText);
    Span fileStart = new Span(base, base, firstLine, 1, firstLine, 1);
    for (ParseProblem p : loaded.problems()) {
      // A problem about the whole file points at the project's first line; move it to the file's.
      problems.add(
          p.span().startOffset() < base ? new ParseProblem(fileStart, p.message(), null) : p);
    }
    comments.addAll(loaded.comments());
    layers.put(path, loaded);
    return loaded;
  }

  private static boolean endsWithNewline(CharSequence s) {
    char last = s.charAt(s.length() - 1);
    return last == '\n' || last == '\r';
  }

  /**
   * A file's model with its includes merged in and its services' {@code extends} resolved; null
   * when it cannot be read.
   *
   * @param including the files including this one, to find include cycles
   */
  private YMap model(String path, Set<String> including) {
    if (models.containsKey(path)) {
      return models.get(path);
    }
    ComposeFile file = layer(path);
    if (file == null || file.root() == null) {
      return null;
    }
    YMap root = file.root();
    Set<String> chain = new LinkedHashSet<>(including);
    chain.add(path);
    YMap included = null;
    for (Include inc : includes(path, root)) {
      YMap model = includedModel(inc, chain);
      if (model != null) {
        included = included == null ? model : ComposeMerge.models(included, model, text());
      }
    }
    List<YEntry> entries = new ArrayList<>();
    for (YEntry e : root.entries()) {
      if (e.name().equals("include")) {
        continue;
      }
      if (e.name().equals("services") && e.value() instanceof YMap services) {
        entries.add(new YEntry(e.key(), services(path, services), e.mergedVia()));
      } else {
        entries.add(e);
      }
    }
    YMap own = new YMap(List.copyOf(entries), root.span());
    YMap model = included == null ? own : ComposeMerge.models(included, own, text());
    models.put(path, model);
    return model;
  }

  private String text() {
    return text.toString();
  }

  /** One {@code include} entry: its files in merge order, and the node that names them. */
  private record Include(List<String> paths, List<YNode> nodes) {}

  private List<Include> includes(String path, YMap root) {
    List<Include> out = new ArrayList<>();
    YNode node = root.get("include").orElse(null);
    if (node == null || (node instanceof YScalar s && s.isNull())) {
      return out;
    }
    if (!(node instanceof YSeq seq)) {
      problems.add(new ParseProblem(node.span(), "'include' must be a list of files"));
      return out;
    }
    for (YNode item : seq.items()) {
      List<YNode> named = new ArrayList<>();
      if (item instanceof YScalar s) {
        named.add(s);
      } else if (item instanceof YMap m && m.get("path").isPresent()) {
        YNode p = m.get("path").get();
        if (p instanceof YSeq ps) {
          named.addAll(ps.items());
        } else {
          named.add(p);
        }
      } else {
        problems.add(
            new ParseProblem(item.span(), "an include entry must be a path or have 'path:'"));
        continue;
      }
      List<String> paths = new ArrayList<>();
      List<YNode> nodes = new ArrayList<>();
      for (YNode n : named) {
        String target = n instanceof YScalar s ? resolve(path, s.value()) : null;
        if (target == null) {
          problems.add(
              new ParseProblem(
                  n.span(),
                  "cannot tell which file this include names (an unknown variable, or a path"
                      + " outside the checked directory); it is not checked"));
          continue;
        }
        paths.add(target);
        nodes.add(n);
      }
      out.add(new Include(paths, nodes));
    }
    return out;
  }

  private YMap includedModel(Include inc, Set<String> chain) {
    YMap merged = null;
    for (int i = 0; i < inc.paths().size(); i++) {
      String target = inc.paths().get(i);
      YNode at = inc.nodes().get(i);
      if (chain.contains(target)) {
        problems.add(
            new ParseProblem(
                at.span(),
                "include cycle: "
                    + String.join(" includes ", chain)
                    + " includes "
                    + target
                    + "; Compose refuses it"));
        continue;
      }
      YMap model = model(target, chain);
      if (model == null) {
        problems.add(
            new ParseProblem(
                at.span(),
                "included file "
                    + target
                    + " is not there, so Compose fails; it is"
                    + " not checked"));
        continue;
      }
      merged = merged == null ? model : ComposeMerge.models(merged, model, text());
    }
    return merged;
  }

  // ------------------------------------------------------------- extends

  private YMap services(String path, YMap services) {
    List<YEntry> out = new ArrayList<>();
    for (YEntry e : services.entries()) {
      YMap body = service(path, e.name(), new LinkedHashSet<>());
      out.add(body == null ? e : new YEntry(e.key(), body, e.mergedVia()));
    }
    return new YMap(List.copyOf(out), services.span());
  }

  /**
   * A service's settings with its {@code extends} chain merged in; null when the file or the
   * service is not there.
   *
   * @param chain the services being resolved that led here, as {@code file#name}
   */
  private YMap service(String path, String name, Set<String> chain) {
    String key = path + "#" + name;
    if (resolved.containsKey(key)) {
      return resolved.get(key);
    }
    ComposeFile file = layer(path);
    YMap services =
        file == null || file.root() == null ? null : file.root().map("services").orElse(null);
    YEntry entry = services == null ? null : services.entry(name).orElse(null);
    if (entry == null) {
      return null;
    }
    YMap body = entry.value() instanceof YMap m ? m : new YMap(List.of(), entry.value().span());
    YEntry ext = body.entry("extends").orElse(null);
    if (ext == null) {
      resolved.put(key, body);
      return body;
    }
    YMap own =
        new YMap(
            body.entries().stream().filter(e -> !e.name().equals("extends")).toList(), body.span());
    YMap result = own;
    YMap base = extended(path, name, ext.value(), chain, key);
    if (base != null) {
      YMap merged = ComposeMerge.service(base, own, text());
      result = new YMap(merged.entries(), body.span());
    }
    resolved.put(key, result);
    return result;
  }

  private YMap extended(String path, String name, YNode ext, Set<String> chain, String key) {
    YScalar serviceNode;
    YScalar fileNode = null;
    if (ext instanceof YScalar s) {
      serviceNode = s;
    } else if (ext instanceof YMap m && m.scalar("service").isPresent()) {
      serviceNode = m.scalar("service").get();
      fileNode = m.scalar("file").filter(f -> !f.isNull()).orElse(null);
    } else {
      problems.add(new ParseProblem(ext.span(), "'extends' needs 'service:' naming a service"));
      return null;
    }
    if (serviceNode.value() == null) {
      return null; // an unknown variable: never guessed
    }
    String target = path;
    if (fileNode != null) {
      target = resolve(path, fileNode.value());
      if (target == null) {
        problems.add(
            new ParseProblem(
                fileNode.span(),
                "cannot tell which file 'extends' names (an unknown variable, or a path outside"
                    + " the checked directory); the service is checked without it"));
        return null;
      }
      if (layer(target) == null) {
        problems.add(
            new ParseProblem(
                fileNode.span(),
                "extends file "
                    + target
                    + " is not there, so Compose fails; service "
                    + name
                    + " is checked without it"));
        return null;
      }
    }
    String targetKey = target + "#" + serviceNode.value();
    if (chain.contains(targetKey) || targetKey.equals(key)) {
      List<String> cycle = new ArrayList<>(chain);
      cycle.add(key);
      cycle.add(targetKey);
      problems.add(
          new ParseProblem(
              ext.span(),
              "extends cycle: "
                  + String.join(" extends ", cycle.subList(cycle.indexOf(targetKey), cycle.size()))
                  + "; Compose refuses it"));
      return null;
    }
    Set<String> next = new LinkedHashSet<>(chain);
    next.add(key);
    YMap base = service(target, serviceNode.value(), next);
    if (base == null) {
      problems.add(
          new ParseProblem(
              serviceNode.span(),
              "service "
                  + serviceNode.value()
                  + " is not defined in "
                  + target
                  + ", so Compose fails; service "
                  + name
                  + " is checked without it"));
    }
    return base;
  }

  // --------------------------------------------------------------- paths

  private static String dir(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash + 1);
  }

  /**
   * A path named in {@code from}, relative to its directory, as a normalised path; null when it is
   * unknown, absolute, or leaves the checked directory.
   */
  public static String resolve(String from, String relative) {
    if (relative == null || relative.isEmpty() || relative.startsWith("/")) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (String p : (dir(from) + relative.replace('\\', '/')).split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(p);
      }
    }
    return parts.isEmpty() ? null : String.join("/", parts);
  }
}
