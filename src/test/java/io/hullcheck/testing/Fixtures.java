package io.hullcheck.testing;

import io.hullcheck.cli.DiskTree;
import io.hullcheck.engine.ContextDirs;
import io.hullcheck.engine.Engine;
import io.hullcheck.engine.FileKind;
import io.hullcheck.engine.FileProblem;
import io.hullcheck.engine.InputFile;
import io.hullcheck.engine.RepositoryTree;
import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Registry;
import io.hullcheck.rules.Rule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rule-fixture harness.
 *
 * <p>Layout: {@code src/test/resources/fixtures/<rule-id>/<scenario>.<ext>}, where {@code
 * .Dockerfile} files are read as Dockerfiles and {@code .yaml}/{@code .yml} files as compose files.
 * Each file is checked with only {@code <rule-id>} enabled, at its default severity, with the
 * default pack's options.
 *
 * <p>Markers: a line whose only content is {@code # expect: <rule-id>[, <rule-id>...]} expects one
 * finding per listed id whose span starts on the <em>target line</em>: the next line after the
 * marker that is not itself a marker (so several markers can stack above one line). Expectations
 * and findings are compared as multisets of (line, rule id) both ways: a marker without a finding
 * fails, a finding on a line without a marker fails, a marker naming an unknown rule id fails.
 * Files named {@code clean-*} must hold no markers. Parse problems and internal errors fail too.
 *
 * <p>Multi-file scenarios: a folder {@code fixtures/<rule-id>/<scenario>/} is one project, checked
 * as {@code hullcheck scan} checks a directory: every {@code *.yaml}, {@code *.yml}, {@code
 * *.Dockerfile} and {@code Dockerfile} in it (subfolders included) is given to one engine check,
 * with paths relative to the folder. Markers go in whichever file the finding must point at, and
 * each file is compared both ways on its own, so a finding reported in the wrong file fails twice
 * (missing here, unexpected there). A folder named {@code clean-*} must hold no markers.
 *
 * <p>Fix pairs: {@code src/test/resources/fixes/<rule-id>/<scenario>.before.<ext>} and {@code
 * .after.<ext>}: fixing {@code before} with only that rule gives exactly {@code after}, fixing
 * {@code after} changes nothing, and {@code after} has no finding of that rule left.
 *
 * <p>Online fix pairs: the same layout under {@code src/test/resources/fixes-online}, checked with
 * registry lookups against {@link FakeRegistry} (Docker Hub and {@code ghcr.io} both mapped to it).
 * An optional {@code <scenario>.options.json} gives the rule's options for that pair.
 */
public final class Fixtures {
  public static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  public static final Path FIXES = Path.of("src/test/resources/fixes");
  public static final Path ONLINE_FIXES = Path.of("src/test/resources/fixes-online");
  private static final Pattern MARKER = Pattern.compile("^\\s*#\\s*expect:\\s*(\\S.*?)\\s*$");

  private Fixtures() {}

  /** Every rule a fixture may name: the registry's and the test-only ones. */
  public static Map<String, Rule> knownRules() {
    Map<String, Rule> rules = new TreeMap<>();
    for (Rule r : Registry.all()) {
      rules.put(r.meta().id(), r);
    }
    for (Rule r : TestRules.all()) {
      rules.put(r.meta().id(), r);
    }
    return rules;
  }

  /** The kind a fixture file is read as, from its extension; empty for other files. */
  public static Optional<FileKind> kindOf(Path file) {
    String n = file.getFileName().toString();
    if (n.endsWith(".Dockerfile") || n.equals("Dockerfile")) {
      return Optional.of(FileKind.DOCKERFILE);
    }
    if (n.endsWith(".yaml") || n.endsWith(".yml")) {
      return Optional.of(FileKind.COMPOSE);
    }
    return Optional.empty();
  }

  /** Subdirectories of a fixture root, by name. */
  public static List<Path> dirs(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Path> files(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One expected finding: a rule id on a 1-based line, and the marker's own line. */
  public record Expectation(String ruleId, int line, int markerLine) {}

  /** The markers in a text, each resolved to its target line. */
  public static List<Expectation> expectations(String text) {
    List<String> lines = text.lines().toList();
    List<Expectation> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = MARKER.matcher(lines.get(i));
      if (!m.matches()) {
        continue;
      }
      int target = i + 1;
      while (target < lines.size() && MARKER.matcher(lines.get(target)).matches()) {
        target++;
      }
      for (String id : m.group(1).split("\\s*,\\s*")) {
        out.add(new Expectation(id, target + 1, i + 1));
      }
    }
    return out;
  }

  /**
   * Everything wrong with one fixture's result, as readable lines; empty when it matches.
   *
   * @param ruleId the rule under test; findings of other rules are ignored except internal errors
   */
  public static List<String> mismatches(
      String fileName,
      String text,
      String ruleId,
      List<Finding> findings,
      List<FileProblem> problems,
      Set<String> knownIds) {
    List<String> errors = new ArrayList<>();
    List<Expectation> expected = expectations(text);
    if (fileName.startsWith("clean-") && !expected.isEmpty()) {
      errors.add(
          "a clean-* fixture must not hold expect markers (line "
              + expected.get(0).markerLine()
              + ")");
    }
    for (Expectation e : expected) {
      if (!knownIds.contains(e.ruleId())) {
        errors.add(
            "line " + e.markerLine() + ": marker names unknown rule id '" + e.ruleId() + "'");
      }
    }
    for (FileProblem p : problems) {
      errors.add("line " + p.line() + ": parse problem: " + p.message());
    }
    Map<String, Integer> want = new HashMap<>();
    expected.forEach(e -> want.merge(e.line() + " " + e.ruleId(), 1, Integer::sum));
    Map<String, Integer> got = new HashMap<>();
    for (Finding f : findings) {
      if (f.suppressed()) {
        continue;
      }
      if (f.ruleId().equals(Engine.INTERNAL_ERROR)) {
        errors.add("line " + f.span().startLine() + ": " + f.message());
      } else if (f.ruleId().equals(ruleId)) {
        got.merge(f.span().startLine() + " " + f.ruleId(), 1, Integer::sum);
      }
    }
    for (Map.Entry<String, Integer> e : new TreeMap<>(want).entrySet()) {
      int n = got.getOrDefault(e.getKey(), 0);
      if (n < e.getValue()) {
        String[] lr = e.getKey().split(" ");
        errors.add(
            "line "
                + lr[0]
                + ": expected a "
                + lr[1]
                + " finding, got "
                + n
                + " of "
                + e.getValue());
      }
    }
    for (Finding f : findings) {
      String key = f.span().startLine() + " " + f.ruleId();
      if (f.ruleId().equals(ruleId)
          && !f.suppressed()
          && got.getOrDefault(key, 0) > want.getOrDefault(key, 0)) {
        errors.add(
            "line "
                + f.span().startLine()
                + ": unexpected "
                + f.ruleId()
                + " finding: "
                + f.message());
        got.merge(key, -1, Integer::sum);
      }
    }
    return errors;
  }

  /**
   * Everything wrong with a multi-file scenario's result: each file compared on its own ({@link
   * #mismatches}) with the findings and problems reported in it, plus any finding or problem in a
   * file that is not part of the scenario.
   */
  public static List<String> scenarioMismatches(
      String folderName,
      Map<String, String> texts,
      String ruleId,
      List<Finding> findings,
      List<FileProblem> problems,
      Set<String> knownIds) {
    List<String> errors = new ArrayList<>();
    for (Map.Entry<String, String> file : new TreeMap<>(texts).entrySet()) {
      String path = file.getKey();
      String name = folderName.startsWith("clean-") ? folderName : path;
      List<Finding> here = findings.stream().filter(f -> f.path().equals(path)).toList();
      List<FileProblem> problemsHere =
          problems.stream().filter(p -> p.path().equals(path)).toList();
      for (String e : mismatches(name, file.getValue(), ruleId, here, problemsHere, knownIds)) {
        errors.add(path + ": " + e);
      }
    }
    for (Finding f : findings) {
      if (!texts.containsKey(f.path())) {
        errors.add(f.path() + ": finding in a file outside the scenario: " + f.message());
      }
    }
    for (FileProblem p : problems) {
      if (!texts.containsKey(p.path())) {
        errors.add(p.path() + ": problem in a file outside the scenario: " + p.message());
      }
    }
    return errors;
  }

  /** A fixture as an input file, with the path relative to the fixture root. */
  public static InputFile input(Path root, Path file, FileKind kind) {
    String rel = root.relativize(file).toString().replace('\\', '/');
    return new InputFile(new SourceFile(rel, read(file)), kind);
  }

  /**
   * Folder scenarios of a rule: the subdirectories of {@code fixtures/<rule-id>/}, each a small
   * repository (its Dockerfiles and compose files hold the markers; a {@code clean-*} folder holds
   * none). They are read as the command line reads a directory: every Dockerfile and compose file
   * checked together, build contexts and the repository view attached.
   */
  public static List<Path> scenarios(Path ruleDir) {
    return dirs(ruleDir);
  }

  /**
   * The Dockerfiles and compose files ({@code .yaml}, {@code .yml} outside {@code .github/}) of a
   * scenario folder with their surroundings, paths relative to it.
   */
  public static List<InputFile> scenarioInputs(Path scenario) {
    List<FileProblem> problems = new ArrayList<>();
    RepositoryTree tree = DiskTree.read(scenario, problems);
    if (!problems.isEmpty()) {
      throw new AssertionError(scenario + ": " + problems);
    }
    List<String> dockerfiles = tree.paths().stream().filter(Fixtures::isDockerfile).toList();
    List<InputFile> inputs = new ArrayList<>();
    for (String rel : tree.paths()) {
      Optional<FileKind> kind = kindOf(scenario.resolve(rel));
      if (kind.isPresent() && !rel.startsWith(".github/")) {
        inputs.add(input(scenario, scenario.resolve(rel), kind.get()));
      }
    }
    RepositoryTree.View view = tree.view(dockerfiles);
    if (!view.problems().isEmpty()) {
      throw new AssertionError(scenario + ": " + view.problems());
    }
    return tree.attach(inputs, ContextDirs.DEFAULT, view.repository());
  }

  /** Whether a scenario path is a Dockerfile: {@code Dockerfile}, {@code *.Dockerfile}. */
  public static boolean isDockerfile(String path) {
    String base = path.substring(path.lastIndexOf('/') + 1);
    return base.equals("Dockerfile") || base.endsWith(".Dockerfile");
  }

  public static String describe(List<String> errors) {
    return errors.stream().collect(Collectors.joining("\n  ", "\n  ", ""));
  }
}
