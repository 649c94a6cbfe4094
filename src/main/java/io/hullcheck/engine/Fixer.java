package io.hullcheck.engine;

import io.hullcheck.policy.Policy;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.TextEdit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Applies every verified fix in a file: each round applies the fixes whose edits do not overlap,
 * re-checks, and repeats until no fix is left (a fixed point) or {@link #MAX_ROUNDS} is reached.
 * Suppressed findings are never fixed. Fixing a fixed file changes nothing. Only the file's own
 * findings are fixed: checking a compose file also reports findings in the other files of its
 * project, which are fixed when those files are. Thread-safe.
 */
public final class Fixer {
  /** Rounds after which fixing stops even if fixes remain (they would be fixing each other). */
  public static final int MAX_ROUNDS = 10;

  private final Engine engine;

  public Fixer(Engine engine) {
    this.engine = engine;
  }

  /**
   * What fixing one file did.
   *
   * @param applied the descriptions of the fixes applied, in order
   * @param otherFiles the new texts of other files the fixes edited (the build context's ignore
   *     file), by path relative to the scanned root; a path whose file does not exist yet is
   *     created
   * @param problems what could not be read in the file as it was before fixing, with positions
   */
  public record Outcome(
      InputFile file,
      String fixed,
      List<String> applied,
      int rounds,
      Map<String, String> otherFiles,
      List<FileProblem> problems) {
    public Outcome {
      otherFiles = Map.copyOf(otherFiles);
      problems = List.copyOf(problems);
    }

    public String original() {
      return file.source().text();
    }

    public boolean changed() {
      return !fixed.equals(original()) || !otherFiles.isEmpty();
    }
  }

  public Outcome fix(InputFile file, Policy policy) {
    return fix(file, policy, f -> engine.checkFile(f, policy));
  }

  /**
   * Fixes a compose file that is part of another file's project (an override, say) by checking that
   * project: {@code project} is the file whose check reports this file's findings ({@link
   * Engine#projectOf}), and each round re-checks it with this file's fixed text.
   */
  public Outcome fix(InputFile file, InputFile project, Policy policy) {
    return fix(
        file,
        policy,
        f ->
            engine.checkFile(
                project,
                policy,
                path -> path.equals(f.path()) ? Optional.of(f.source().text()) : Optional.empty()));
  }

  private Outcome fix(InputFile file, Policy policy, Function<InputFile, Engine.FileResult> check) {
    String text = file.source().text();
    List<String> applied = new ArrayList<>();
    int rounds = 0;
    InputFile current = file;
    Engine.FileResult result = check.apply(current);
    List<FileProblem> problems = result.problems();
    while (rounds < MAX_ROUNDS) {
      List<Finding> fixable =
          result.findings().stream()
              .filter(
                  f ->
                      !f.suppressed()
                          && f.fix() != null
                          && !f.fix().elsewhere()
                          && f.path().equals(file.path()))
              .toList();
      if (fixable.isEmpty()) {
        break;
      }
      rounds++;
      List<Finding> chosen = nonOverlapping(fixable);
      String next = apply(text, chosen);
      Engine.FileResult after = chosen.size() > 1 ? sound(current, result, next, check) : null;
      if (chosen.size() > 1 && after == null) {
        // Each fix was verified alone; together they are not. Take one step at a time.
        chosen = List.of(fixable.get(0));
        next = apply(text, chosen);
      }
      if (next.equals(text)) {
        break;
      }
      text = next;
      chosen.forEach(f -> applied.add(f.fix().description()));
      current = file.withText(text);
      result = after != null ? after : check.apply(current);
    }
    // Fixes on other files go one at a time, each re-checked against the context it leaves, so
    // two findings that want the same ignore line do not both add it.
    Map<String, String> otherFiles = new LinkedHashMap<>();
    while (rounds < MAX_ROUNDS) {
      Finding next =
          result.findings().stream()
              .filter(f -> !f.suppressed() && f.fix() != null && f.fix().elsewhere())
              .findFirst()
              .orElse(null);
      InputFile after = next == null ? null : Engine.applied(current, next.fix());
      if (after == null) {
        break;
      }
      rounds++;
      applied.add(next.fix().description());
      otherFiles.put(next.fix().path(), after.buildContext().orElseThrow().ignoreText().orElse(""));
      current = after;
      result = check.apply(current);
    }
    return new Outcome(file, text, List.copyOf(applied), rounds, otherFiles, problems);
  }

  /**
   * Fixes in file order whose edits neither overlap nor touch an edit already chosen (two inserts
   * at one offset would have no defined order).
   */
  static List<Finding> nonOverlapping(List<Finding> fixable) {
    List<Finding> sorted = new ArrayList<>(fixable);
    sorted.sort(Comparator.comparingInt(f -> firstOffset(f)));
    List<TextEdit> taken = new ArrayList<>();
    List<Finding> chosen = new ArrayList<>();
    for (Finding f : sorted) {
      boolean clash =
          f.fix().edits().stream()
              .anyMatch(
                  e ->
                      taken.stream()
                          .anyMatch(
                              t ->
                                  e.startOffset() <= t.endOffset()
                                      && t.startOffset() <= e.endOffset()));
      if (!clash) {
        taken.addAll(f.fix().edits());
        chosen.add(f);
      }
    }
    return chosen;
  }

  private static int firstOffset(Finding f) {
    return f.fix().edits().stream().mapToInt(TextEdit::startOffset).min().orElse(0);
  }

  private static String apply(String text, List<Finding> chosen) {
    List<TextEdit> edits = new ArrayList<>();
    chosen.forEach(f -> edits.addAll(f.fix().edits()));
    edits.sort(Comparator.comparingInt(TextEdit::startOffset).reversed());
    StringBuilder sb = new StringBuilder(text);
    for (TextEdit e : edits) {
      sb.replace(e.startOffset(), e.endOffset(), e.text());
    }
    return sb.toString();
  }

  /**
   * The check of the combined edits when they leave no new problem and no new finding (so the next
   * round can use it), else null.
   */
  private Engine.FileResult sound(
      InputFile before,
      Engine.FileResult result,
      String next,
      Function<InputFile, Engine.FileResult> check) {
    if (!LineEndings.kept(before.source().text(), next)) {
      return null;
    }
    InputFile after = before.withText(next);
    Engine.FileResult now = check.apply(after);
    Map<String, Integer> problemsBefore = countProblems(result);
    Map<String, Integer> problemsAfter = countProblems(now);
    boolean ok =
        Engine.noMore(problemsAfter, problemsBefore)
            && Engine.noMore(
                FindingKey.count(inFile(now, after), after.source()),
                FindingKey.count(inFile(result, before), before.source()));
    return ok ? now : null;
  }

  /** The findings in this file; a compose project's check also reports its other files. */
  private static List<Finding> inFile(Engine.FileResult r, InputFile file) {
    return r.findings().stream().filter(f -> f.path().equals(file.path())).toList();
  }

  private static Map<String, Integer> countProblems(Engine.FileResult r) {
    Map<String, Integer> counts = new java.util.HashMap<>();
    r.problems().forEach(p -> counts.merge(FindingKey.maskDigits(p.message()), 1, Integer::sum));
    return counts;
  }
}
