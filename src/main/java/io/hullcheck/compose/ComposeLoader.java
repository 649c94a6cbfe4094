package io.hullcheck.compose;

import io.hullcheck.dockerfile.Comment;
import io.hullcheck.model.ParseProblem;
import io.hullcheck.model.SourceFile;
import io.hullcheck.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Loads compose files with snakeyaml-engine's parser so every value keeps its position: our {@link
 * YNode} tree is composed straight from the parser's events and their marks (see {@link YamlTree}),
 * one pass with no second tree. Never throws on bad input: what cannot be read becomes a {@link
 * ParseProblem} with a line and column, and the rest is still loaded where Compose would still read
 * it. Thread-safe.
 *
 * <h2>YAML as Compose reads it</h2>
 *
 * <ul>
 *   <li>YAML 1.2 core schema, as Compose's YAML library reads untyped values: {@code 80:80} is a
 *       string, {@code yes} is a string, {@code ~} and an empty value are null.
 *   <li>Anchors and aliases are resolved. A node reached through an alias is the same {@link YNode}
 *       as the anchored one and keeps the span where it is written.
 *   <li>Merge keys ({@code <<: *a}, {@code <<: [*a, *b]}): a map's own keys win over merged ones
 *       wherever the {@code <<} stands, and a map listed earlier wins over one listed later. Merged
 *       entries follow the map's own entries and carry {@link YEntry#mergedVia()}, the span of the
 *       {@code <<} entry in the merging map. The {@code <<} entry itself is not in the tree.
 *   <li>A duplicate key, two {@code <<} keys included, is a problem on the second key with the
 *       first as {@link ParseProblem#related()}; the first one is kept.
 *   <li>{@code x-} extension fields stay in the tree like any other key.
 *   <li>Interpolation (see {@link Interpolator}) applies to string values, not to keys, as in
 *       Compose: {@link YScalar#raw()} is the text, {@link YScalar#value()} the result, null when
 *       it depends on a variable without a default. Unknown must never produce a finding alone.
 *   <li>Several YAML documents in one file: only the first is modelled. Compose (compose-go) merges
 *       every document in order as an override layer, so the later documents get one problem saying
 *       they are not checked; their syntax and comments are still read.
 * </ul>
 *
 * <h2>Where a finding on a merged value points</h2>
 *
 * A value that comes through an anchor is written once and shared. Rules report at the place the
 * user must edit:
 *
 * <ul>
 *   <li>a <em>wrong value</em> (for example {@code privileged: true} or a latest tag inside an
 *       anchor): at the value's own span, where it is written, since fixing it there fixes every
 *       service that merges it. Mention the merging service in the message when {@code mergedVia}
 *       is set.
 *   <li>a <em>missing setting</em> (no memory limit, no healthcheck): at the service's name ({@link
 *       Service#nameSpan()}), because the fix is added to that service.
 *   <li>a fix that <em>overrides</em> a shared value for one service only: inserted in the merging
 *       map, next to {@code mergedVia}, so the other users of the anchor are untouched.
 * </ul>
 *
 * <h2>Bounds</h2>
 *
 * Files above {@link #MAX_CHARS} chars, nesting deeper than {@link #MAX_DEPTH} (written or after
 * alias expansion), more than {@link #MAX_ALIASES_FOR_COLLECTIONS} aliases of collections, or a
 * tree that expands to more than {@link #MAX_EXPANDED_NODES} nodes give one problem and no tree
 * ({@code root} null, no services), so rules never walk a billion-laughs document.
 */
public final class ComposeLoader {
  /** Largest file read, in chars (3 MiB); compose files are rarely above a few hundred KiB. */
  public static final int MAX_CHARS = 3 * 1024 * 1024;

  /** Deepest nesting of collections; real compose files stay under 10 levels. */
  public static final int MAX_DEPTH = 100;

  /** Most aliases of collections in one file; large real files use a few hundred anchors. */
  public static final int MAX_ALIASES_FOR_COLLECTIONS = 2000;

  /** Most nodes in the tree as walked with aliases expanded. */
  public static final long MAX_EXPANDED_NODES = 1_000_000;

  private static final LoadSettings SETTINGS =
      LoadSettings.builder().setCodePointLimit(MAX_CHARS).setUseMarks(true).build();

  /** YAML 1.2 core schema tags; built once because building it compiles its patterns. */
  private static final ScalarResolver RESOLVER = new CoreSchema().getScalarResolver();

  private static final YamlTree.Limits LIMITS =
      new YamlTree.Limits(MAX_EXPANDED_NODES, MAX_DEPTH, MAX_ALIASES_FOR_COLLECTIONS);

  private ComposeLoader() {}

  /**
   * Loads one file.
   *
   * @param env variables for interpolation (the process environment and {@code .env}); a variable
   *     missing here and without a default is unknown
   */
  public static ComposeFile load(SourceFile source, Map<String, String> env) {
    List<ParseProblem> problems = new ArrayList<>();
    String text = source.text();
    if (text.length() > MAX_CHARS) {
      problems.add(
          new ParseProblem(
              firstLine(source),
              "file is larger than " + MAX_CHARS + " characters; it is not checked"));
      return new ComposeFile(source, null, List.of(), List.of(), List.copyOf(problems));
    }
    Interpolator interpolator = new Interpolator(env);
    YamlTree tree =
        new YamlTree(source, new Offsets(text), interpolator, RESOLVER, problems, LIMITS);
    boolean yamlRead = false;
    try {
      tree.readDocuments(new ParserImpl(SETTINGS, new StreamReader(SETTINGS, text)));
      yamlRead = true;
    } catch (YamlTree.LimitException e) {
      problems.add(new ParseProblem(e.span, e.getMessage()));
      return new ComposeFile(source, null, List.of(), List.of(), List.copyOf(problems));
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> mark =
          e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
      problems.add(new ParseProblem(at(source, tree, mark), yamlMessage(e)));
    } catch (YamlEngineException e) {
      problems.add(new ParseProblem(firstLine(source), "invalid YAML: " + e.getMessage()));
    } catch (RuntimeException e) {
      // snakeyaml-engine fails on some malformed input with plain runtime exceptions.
      problems.add(
          new ParseProblem(firstLine(source), "invalid YAML: " + e.getClass().getSimpleName()));
    }
    List<Comment> comments =
        yamlRead ? CommentScanner.scan(source, tree.scalarRanges(), tree.scalarCount()) : List.of();
    YMap root = null;
    List<Service> services = List.of();
    List<YNode> documents = tree.documents();
    for (int i = 1; i < documents.size(); i++) {
      YNode later = documents.get(i);
      if (!(later instanceof YScalar s && s.isNull())) {
        problems.add(
            new ParseProblem(
                source.lineSpan(later.span().startLine()),
                "a second YAML document starts here; Compose merges all documents in order, "
                    + "Hullcheck checks only the first"));
        break;
      }
    }
    YNode top = documents.isEmpty() ? null : documents.get(0);
    if (top instanceof YMap map) {
      root = map;
      services = ServiceReader.read(source, map, interpolator, problems);
    } else if (yamlRead && (top == null || (top instanceof YScalar s && s.isNull()))) {
      problems.add(
          new ParseProblem(
              firstLine(source), "empty compose file: Compose needs at least 'services:'"));
    } else if (top != null) {
      problems.add(
          new ParseProblem(
              top.span(), "the top level of a compose file must be a mapping such as 'services:'"));
    }
    return new ComposeFile(source, root, services, comments, List.copyOf(problems));
  }

  private static String yamlMessage(MarkedYamlEngineException e) {
    StringBuilder b = new StringBuilder("invalid YAML: ");
    if (e.getProblem() != null) {
      b.append(e.getProblem());
    }
    if (e.getContext() != null) {
      b.append(" (").append(e.getContext()).append(')');
    }
    return b.toString();
  }

  private static Span at(SourceFile source, YamlTree tree, Optional<Mark> mark) {
    if (mark.isEmpty()) {
      return firstLine(source);
    }
    Span s = tree.span(mark, mark);
    return source.span(s.startOffset(), Math.min(source.text().length(), s.startOffset() + 1));
  }

  private static Span firstLine(SourceFile source) {
    return source.lineSpan(1);
  }
}
