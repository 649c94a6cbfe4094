package io.hullcheck.conformance;

import io.hullcheck.conformance.Labels.Expected;
import io.hullcheck.conformance.Labels.Folder;
import io.hullcheck.conformance.Labels.Sample;
import io.hullcheck.conformance.Labels.Verdict;
import io.hullcheck.dockerfile.DockerfileParser;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.engine.Engine;
import io.hullcheck.engine.InputFile;
import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.Rule;
import io.hullcheck.rules.RuleMeta;
import io.hullcheck.testing.TestPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Runs our rules on the anchors' labelled fixtures and compares with the labels. A folder is
 * covered when some rule lists its id among that anchor's equivalents; all such rules run together,
 * through the engine, with a policy that enables exactly them whatever their default.
 *
 * <p>Counting: a negative file is one unit (agrees when we report nothing). A positive file is one
 * unit per expected line (agrees when we report at that line), or one unit when the label gives no
 * line (agrees when we report anything); each line we report that the label does not expect on a
 * positive file is one more unit, a disagreement. Checkov graph checks label instructions, so a
 * failing file has one unit per labelled instruction.
 */
final class Conformance {
  /** One counted comparison. {@code file} is the fixture's name inside its folder. */
  record Unit(String file, String expected, String reported, boolean agrees) {}

  /** A folder with the rules that cover it (none: not covered) and its counted units. */
  record Result(Folder folder, List<String> rules, List<Unit> units) {
    boolean covered() {
      return !rules.isEmpty();
    }

    long agreed() {
      return units.stream().filter(Unit::agrees).count();
    }

    List<Unit> disagreements() {
      return units.stream().filter(u -> !u.agrees()).toList();
    }
  }

  private final List<Rule> rules;
  private final Engine engine;

  Conformance(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    this.engine = new Engine(rules).withoutFixes().withParallel(false);
  }

  List<Result> run(Path corpus) {
    return Labels.read(corpus).stream().map(this::run).toList();
  }

  Result run(Folder folder) {
    List<String> ids =
        rules.stream()
            .map(Rule::meta)
            .filter(
                m -> m.equivalents().getOrDefault(folder.anchor(), List.of()).contains(folder.id()))
            .map(RuleMeta::id)
            .toList();
    if (ids.isEmpty()) {
      return new Result(folder, ids, List.of());
    }
    TestPolicy policy = TestPolicy.only(ids.toArray(String[]::new));
    List<Unit> units = new ArrayList<>();
    List<Integer> pool = new ArrayList<>(folder.pooled());
    List<String> pooledFiles = new ArrayList<>();
    for (Sample s : folder.samples()) {
      Set<Integer> lines = lines(folder, s, ids, policy);
      if (s.verdict() == Verdict.NEGATIVE) {
        units.add(new Unit(s.name(), "no finding", describe(lines), lines.isEmpty()));
      } else if (!folder.pooled().isEmpty() && s.expected().isEmpty()) {
        matchPooled(s, lines, pool, units, pooledFiles);
      } else if (s.expected().isEmpty()) {
        units.add(new Unit(s.name(), "a finding", describe(lines), !lines.isEmpty()));
      } else if (s.expected().get(0).keyword() != null) {
        matchInstructions(s, lines, units);
      } else {
        matchLines(s, lines, units);
      }
    }
    for (int line : pool) {
      String file = pooledFiles.isEmpty() ? "(any positive file)" : pooledFiles.remove(0);
      units.add(new Unit(file, "finding at line " + line, "nothing there", false));
    }
    return new Result(folder, ids, units);
  }

  private Set<Integer> lines(Folder folder, Sample s, List<String> ids, TestPolicy policy) {
    InputFile file =
        new InputFile(new SourceFile(folder.dir() + "/" + s.name(), s.text()), s.kind());
    return engine.checkFile(file, policy).findings().stream()
        .filter(f -> ids.contains(f.ruleId()))
        .map(f -> f.span().startLine())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static void matchLines(Sample s, Set<Integer> lines, List<Unit> units) {
    Set<Integer> unused = new TreeSet<>(lines);
    for (Expected e : s.expected()) {
      Integer at = take(s, e.line(), unused);
      units.add(
          new Unit(
              s.name(), "finding at line " + e.line(), found(e.line(), at, lines), at != null));
    }
    extraLines(s.name(), unused, units);
  }

  /**
   * Pooled labels give lines without files: each line we report on a positive file uses up one
   * expected occurrence of a line whose element holds it; lines left over on either side disagree.
   */
  private static void matchPooled(
      Sample s, Set<Integer> lines, List<Integer> pool, List<Unit> units, List<String> silent) {
    if (lines.isEmpty()) {
      silent.add(s.name());
      return;
    }
    Set<Integer> unused = new TreeSet<>(lines);
    for (Iterator<Integer> it = pool.iterator(); it.hasNext(); ) {
      int expected = it.next();
      if (unused.remove(expected)) {
        it.remove();
        units.add(
            new Unit(
                s.name(), "finding at line " + expected, found(expected, expected, lines), true));
      }
    }
    for (Iterator<Integer> it = unused.iterator(); it.hasNext(); ) {
      int line = it.next();
      Integer expected = nearest(s, line, pool);
      if (expected != null) {
        it.remove();
        pool.remove(expected);
        units.add(
            new Unit(s.name(), "finding at line " + expected, found(expected, line, lines), true));
      }
    }
    extraLines(s.name(), unused, units);
  }

  /**
   * The line we report for an expected line: that line itself, else the first unused line in the
   * same element (the Dockerfile instruction), or in the YAML entry that starts there, or whose
   * entry holds it: KICS points at a key such as {@code ports:} where we point at the value to
   * edit, and at the deepest present parent of a missing key where we point at the service. Removes
   * it from {@code unused}; null when there is none.
   */
  private static Integer take(Sample s, int expected, Set<Integer> unused) {
    if (unused.remove(expected)) {
      return expected;
    }
    Integer line = nearest(s, expected, unused);
    if (line != null) {
      unused.remove(line);
    }
    return line;
  }

  /** Of the candidates in the same element as {@code line}, the closest one; null when none. */
  private static Integer nearest(Sample s, int line, java.util.Collection<Integer> candidates) {
    Integer best = null;
    for (int c : candidates) {
      if (Elements.related(s, line, c)
          && (best == null || Math.abs(c - line) < Math.abs(best - line))) {
        best = c;
      }
    }
    return best;
  }

  private static String found(int expected, Integer at, Set<Integer> lines) {
    if (at == null) {
      return lines.isEmpty() ? "nothing" : describe(lines) + ", none at or inside line " + expected;
    }
    return at == expected
        ? "finding at line " + at
        : "finding at line " + at + ", in the same element as line " + expected;
  }

  /**
   * Checkov labels the failing instructions by keyword. When the file has exactly as many of them
   * as the label lists, each must carry a finding; otherwise one of them must.
   */
  private static void matchInstructions(Sample s, Set<Integer> lines, List<Unit> units) {
    List<Instruction> all =
        DockerfileParser.parse(new SourceFile(s.name(), s.text())).instructions();
    Set<Integer> extra = new TreeSet<>(lines);
    Set<String> keywords = new TreeSet<>();
    s.expected().forEach(e -> keywords.add(e.keyword()));
    for (String kw : keywords) {
      long labelled = s.expected().stream().filter(e -> e.keyword().equals(kw)).count();
      List<Instruction> of = all.stream().filter(i -> i.is(kw)).toList();
      for (Instruction i : of) {
        extra.removeIf(l -> within(i, l));
      }
      if (of.size() == labelled) {
        for (Instruction i : of) {
          boolean hit = lines.stream().anyMatch(l -> within(i, l));
          units.add(
              new Unit(
                  s.name(),
                  "finding on the " + kw + " at line " + i.span().startLine(),
                  hit ? "finding there" : "nothing there",
                  hit));
        }
      } else {
        boolean hit = lines.stream().anyMatch(l -> of.stream().anyMatch(i -> within(i, l)));
        units.add(
            new Unit(
                s.name(),
                "finding on " + labelled + " " + kw + " instruction(s)",
                describe(lines),
                hit));
      }
    }
    extraLines(s.name(), extra, units);
  }

  private static boolean within(Instruction i, int line) {
    return line >= i.span().startLine() && line <= i.span().endLine();
  }

  private static void extraLines(String file, Set<Integer> extra, List<Unit> units) {
    for (int line : extra) {
      units.add(new Unit(file, "no finding at line " + line, "finding at line " + line, false));
    }
  }

  private static String describe(Set<Integer> lines) {
    if (lines.isEmpty()) {
      return "nothing";
    }
    Iterator<Integer> it = lines.iterator();
    StringBuilder b =
        new StringBuilder(lines.size() == 1 ? "finding at line " : "findings at lines ");
    b.append(it.next());
    it.forEachRemaining(l -> b.append(", ").append(l));
    return b.toString();
  }
}
