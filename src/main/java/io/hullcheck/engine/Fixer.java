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
 * Applies every verified fix in a file: each pass applies every fix the last check offers (the ones
 * whose edits do not overlap together, or all of them one at a time when together they are not
 * sound), re-checks, and repeats until no fix is left (a fixed point) or {@link #MAX_PASSES} passes
 * have run. Fixes that share a line or overlap are left to the next pass, never dropped; whatever
 * is still offered at the end is in {@link Outcome#remaining}. Suppressed findings are never fixed.
 * Fixing a fixed file changes nothing. Only the file's own findings are fixed: checking a compose
 * file also reports findings in the other files of its project, which are fixed when those files
 * are. Thread-safe.
 */
public final class Fixer {
  /**
   * Passes after which fixing stops even if fixes remain. A pass handles every fix its check
   * offers, so only fixes that keep making new findings for each other reach it; ten is far more
   * than any fixture needs (two or three).
   */
  public static final int MAX_PASSES = 10;

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
   * @param passes the passes run, in this file and then in other files
   * @param problems what could not be read in the file as it was before fixing, with positions
   * @param remaining the descriptions of verified fixes the last check still offered when {@link
   *     #MAX_PASSES} ran out or a fix changed nothing; empty at a fixed point
   */
  public record Outcome(
      InputFile file,
      String fixed,
      List<String> applied,
      int passes,
      Map<String, String> otherFiles,
      List<FileProblem> problems,
      List<String> remaining) {
    public Outcome {
      otherFiles = Map.copyOf(otherFiles);
      problems = List.copyOf(problems);
      remaining = List.copyOf(remaining);
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
   * Engine#projectOf}), and each pass re-checks it with this file's fixed text.
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
    Fixing pass = new Fixing(file, check);
    List<FileProblem> problems = pass.result.problems();
    int passes = 0;
    while (passes < MAX_PASSES && pass.inFile()) {
      passes++;
    }
    // Fixes on other files go one at a time, each re-checked against the context it leaves, so
    // two findings that want the same ignore line do not both add it.
    int otherPasses = 0;
    while (otherPasses < MAX_PASSES && pass.elsewhere()) {
      otherPasses++;
    }
    List<String> remaining =
        pass.result.findings().stream()
            .filter(f -> fixable(f, file) || fixableElsewhere(f))
            .map(f -> f.fix().description())
            .toList();
    return new Outcome(
        file,
        pass.text,
        List.copyOf(pass.applied),
        passes + otherPasses,
        pass.otherFiles,
        problems,
        remaining);
  }

  /** A fix the engine verified for another file (the build context's ignore file). */
  private static boolean fixableElsewhere(Finding f) {
    return !f.suppressed() && f.fix() != null && f.fix().elsewhere();
  }

  /** A fix the engine verified for this file's own text: not suppressed, not in another file. */
  private static boolean fixable(Finding f, InputFile file) {
    return !f.suppressed()
        && f.fix() != null
        && !f.fix().elsewhere()
        && f.path().equals(file.path());
  }

  /**
   * The state of one file being fixed: its text, the check of that text, and what was applied. Each
   * pass starts from a check and applies every fix that check offers, so a pass always makes
   * progress or reports that it cannot, and the bound on passes is a bound on fixes that keep
   * offering new fixes, never on how many fixes a file has. Not thread-safe; one per call.
   */
  private static final class Fixing {
    private final InputFile file;
    private final Function<InputFile, Engine.FileResult> check;
    private final List<String> applied = new ArrayList<>();
    private final Map<String, String> otherFiles = new LinkedHashMap<>();
    private String text;
    private InputFile current;
    private Engine.FileResult result;

    Fixing(InputFile file, Function<InputFile, Engine.FileResult> check) {
      this.file = file;
      this.check = check;
      this.text = file.source().text();
      this.current = file;
      this.result = check.apply(file);
    }

    /**
     * Applies the fixes in this file that the last check offers, together when they are sound
     * together, else one at a time with a re-check after each; false when none applied.
     */
    boolean inFile() {
      List<Finding> fixable = fixableNow();
      if (fixable.isEmpty()) {
        return false;
      }
      List<Finding> chosen = nonOverlapping(fixable);
      if (chosen.size() > 1) {
        String next = apply(text, chosen);
        Engine.FileResult after = sound(current, result, next, check);
        if (after != null) {
          take(next, chosen, after);
          return true;
        }
      }
      // Each fix was verified alone; together they are not (or only one fits). Take one step at
      // a time, as many steps as this pass found fixes, so one pass still handles every fix.
      boolean progress = false;
      for (int i = 0; i < fixable.size(); i++) {
        List<Finding> now = fixableNow();
        if (now.isEmpty()) {
          break;
        }
        String next = apply(text, List.of(now.get(0)));
        if (next.equals(text)) {
          break;
        }
        take(next, List.of(now.get(0)), check.apply(file.withText(next)));
        progress = true;
      }
      return progress;
    }

    /**
     * Applies the fixes in other files that the last check offers, one at a time, each re-checked;
     * false when none applied.
     */
    boolean elsewhere() {
      int offered = elsewhereNow().size();
      boolean progress = false;
      for (int i = 0; i < offered; i++) {
        Finding next = elsewhereNow().stream().findFirst().orElse(null);
        InputFile after = next == null ? null : Engine.applied(current, next.fix());
        if (after == null) {
          break;
        }
        applied.add(next.fix().description());
        otherFiles.put(
            next.fix().path(), after.buildContext().orElseThrow().ignoreText().orElse(""));
        current = after;
        result = check.apply(current);
        progress = true;
      }
      return progress;
    }

    private List<Finding> fixableNow() {
      return result.findings().stream().filter(f -> fixable(f, file)).toList();
    }

    private List<Finding> elsewhereNow() {
      return result.findings().stream().filter(Fixer::fixableElsewhere).toList();
    }

    private void take(String next, List<Finding> chosen, Engine.FileResult after) {
      text = next;
      chosen.forEach(f -> applied.add(f.fix().description()));
      current = file.withText(text);
      result = after;
    }
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
   * pass can use it), else null.
   */
  private static Engine.FileResult sound(
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
