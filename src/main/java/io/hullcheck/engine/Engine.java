package io.hullcheck.engine;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.ComposeLoader;
import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.DockerfileParser;
import io.hullcheck.model.ParseProblem;
import io.hullcheck.model.SourceFile;
import io.hullcheck.policy.Policy;
import io.hullcheck.policy.RuleSetting;
import io.hullcheck.policy.Suppressions;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Options;
import io.hullcheck.rules.Rule;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleMeta;
import io.hullcheck.rules.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs rules over files under a policy: parses each file once, runs each enabled rule (a rule that
 * throws becomes an internal-error finding; the others still run), applies severities and
 * suppressions, and keeps a rule's fix only after verifying it. Thread-safe and immutable.
 *
 * <p>Compose interpolation sees each file's own variables ({@link InputFile#env()}, the {@code
 * .env} next to it) overlaid by the engine's ({@link #withEnv}), which is empty by default: the
 * process environment is not read here, so the same files give the same findings on every machine.
 */
public final class Engine {
  /** The rule id under which a rule that threw is reported. */
  public static final String INTERNAL_ERROR = "internal-error";

  /** Findings in the order users read them: path, line, column, rule id, message. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::path)
          .thenComparingInt((Finding f) -> f.span().startLine())
          .thenComparingInt(f -> f.span().startColumn())
          .thenComparing(Finding::ruleId)
          .thenComparing(Finding::message);

  private final List<Rule> rules;
  private final List<RuleMeta> catalogue;
  private final Map<String, String> env;
  private final boolean parallel;
  private final boolean fixes;

  public Engine(List<Rule> rules) {
    this(rules, Map.of(), true, true);
  }

  private Engine(List<Rule> rules, Map<String, String> env, boolean parallel, boolean fixes) {
    this.rules = List.copyOf(rules);
    // Metadata is read by reflection; read it once, not per file.
    this.catalogue = this.rules.stream().map(Rule::meta).toList();
    this.env = Map.copyOf(env);
    this.parallel = parallel;
    this.fixes = fixes;
  }

  /** This engine with interpolation variables that win over each file's own. */
  public Engine withEnv(Map<String, String> newEnv) {
    return new Engine(rules, newEnv, parallel, fixes);
  }

  /**
   * This engine checking files on several threads ({@code true}, the default) or on the calling
   * thread only. Results are the same either way.
   */
  public Engine withParallel(boolean newParallel) {
    return new Engine(rules, env, newParallel, fixes);
  }

  /**
   * This engine without fixes: findings only, every fix dropped unverified. Verifying a fix costs a
   * re-parse and a re-check of the file, so callers that never show fixes (the base side of a pull
   * request, which only tells new findings from old) skip that work.
   */
  public Engine withoutFixes() {
    return new Engine(rules, env, parallel, false);
  }

  public List<Rule> rules() {
    return rules;
  }

  /** The metadata of this engine's rules, in registry order. */
  public List<RuleMeta> catalogue() {
    return catalogue;
  }

  /** Checks every file; one file's problems never stop the others. */
  public ScanResult check(List<InputFile> files, Policy policy) {
    List<FileResult> results =
        (parallel && files.size() > 1 ? files.parallelStream() : files.stream())
            .map(f -> checkFile(f, policy))
            .toList();
    List<Finding> findings = new ArrayList<>();
    List<FileProblem> problems = new ArrayList<>();
    int checked = 0;
    for (FileResult r : results) {
      if (r.included()) {
        checked++;
      }
      findings.addAll(r.findings());
      problems.addAll(r.problems());
    }
    findings.sort(ORDER);
    problems.sort(FileProblem.ORDER);
    return new ScanResult(findings, problems, checked);
  }

  /** Checks one file: findings sorted, fixes verified, suppressions applied. */
  public FileResult checkFile(InputFile file, Policy policy) {
    String path = file.path();
    if (!policy.includes(path)) {
      return new FileResult(path, false, List.of(), List.of());
    }
    List<Active> active = activeRules(file, policy);
    Parsed parsed = parse(file);
    List<FileProblem> problems = parsed.fileProblems(file.source());
    if (parsed.model() == null) {
      return new FileResult(path, true, List.of(), problems);
    }
    List<Finding> findings = evaluate(parsed, file.source(), active, policy, fixes);
    findings =
        fixes
            ? keepVerifiedFixes(file, parsed, findings, active, policy)
            : findings.stream().map(f -> f.fix() == null ? f : f.withFix(null)).toList();
    findings = suppress(parsed, file.source(), findings, policy);
    findings = new ArrayList<>(findings);
    findings.sort(ORDER);
    return new FileResult(path, true, List.copyOf(findings), problems);
  }

  /**
   * The result of checking one file.
   *
   * @param included false when the policy excludes the file (then nothing was checked)
   */
  public record FileResult(
      String path, boolean included, List<Finding> findings, List<FileProblem> problems) {}

  /** A rule switched on for one file, with its setting. */
  private record Active(Rule rule, RuleMeta meta, RuleSetting setting) {}

  private List<Active> activeRules(InputFile file, Policy policy) {
    List<Active> active = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      boolean applies =
          file.kind() == FileKind.DOCKERFILE
              ? rule instanceof DockerfileRule
              : rule instanceof ComposeRule;
      if (!applies) {
        continue;
      }
      RuleMeta meta = catalogue.get(i);
      RuleSetting setting = policy.setting(file.path(), meta);
      if (setting != null && setting.enabled()) {
        active.add(new Active(rule, meta, setting));
      }
    }
    return active;
  }

  /** A parsed file: the model (a Dockerfile or a ComposeFile), or null when the parser failed. */
  record Parsed(Object model, List<ParseProblem> problems, String crash) {

    List<FileProblem> fileProblems(SourceFile source) {
      List<FileProblem> out = new ArrayList<>();
      if (crash != null) {
        out.add(new FileProblem(source.path(), 1, 1, crash));
      }
      for (ParseProblem p : problems) {
        out.add(
            new FileProblem(
                source.path(), p.span().startLine(), p.span().startColumn(), p.message()));
      }
      return out;
    }
  }

  Parsed parse(InputFile file) {
    try {
      if (file.kind() == FileKind.DOCKERFILE) {
        Dockerfile d = DockerfileParser.parse(file.source());
        return new Parsed(d, d.problems(), null);
      }
      Map<String, String> vars = new HashMap<>(file.env());
      vars.putAll(env);
      ComposeFile c = ComposeLoader.load(file.source(), vars);
      return new Parsed(c, c.problems(), null);
    } catch (RuntimeException | StackOverflowError e) {
      // Parsers report bad input as problems; reaching here is our bug. Keep the other files going.
      return new Parsed(null, List.of(), "internal error while reading this file: " + describe(e));
    }
  }

  /**
   * Runs the active rules on a parsed file: raw findings with policy severities and the path. With
   * {@code wantFixes} false the rules are told to leave their fixes out (see {@link
   * RuleContext#fixes()}).
   */
  private List<Finding> evaluate(
      Parsed parsed, SourceFile source, List<Active> active, Policy policy, boolean wantFixes) {
    List<Finding> out = new ArrayList<>();
    for (Active a : active) {
      RuleContext context =
          new RuleContext(
              a.setting().options() == null ? Options.empty() : a.setting().options(),
              policy.data(),
              wantFixes);
      List<Finding> found;
      try {
        found =
            parsed.model() instanceof Dockerfile d
                ? ((DockerfileRule) a.rule()).check(d, context)
                : ((ComposeRule) a.rule()).check((ComposeFile) parsed.model(), context);
      } catch (RuntimeException | StackOverflowError e) {
        out.add(internalError(source, a.meta().id(), e));
        continue;
      }
      Severity severity = a.setting().severity();
      for (Finding f : found) {
        Finding g = f.withPath(source.path());
        out.add(severity == null ? g : g.withSeverity(severity));
      }
    }
    return out;
  }

  private static Finding internalError(SourceFile source, String ruleId, Throwable e) {
    return new Finding(
        INTERNAL_ERROR,
        Severity.WARNING,
        Category.CORRECTNESS,
        source.path(),
        source.lineSpan(1),
        "Rule "
            + ruleId
            + " failed on this file ("
            + describe(e)
            + "); its findings are missing. Please report this with the file",
        null,
        null,
        null);
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private List<Finding> suppress(
      Parsed parsed, SourceFile source, List<Finding> findings, Policy policy) {
    try {
      return parsed.model() instanceof Dockerfile d
          ? Suppressions.apply(d, findings, policy, catalogue)
          : Suppressions.apply((ComposeFile) parsed.model(), findings, policy, catalogue);
    } catch (RuntimeException e) {
      List<Finding> out = new ArrayList<>(findings);
      out.add(internalError(source, "suppressions", e));
      return out;
    }
  }

  // ---- Fix verification -------------------------------------------------------------------

  /**
   * Keeps each proposed fix only if, applied alone in memory, the file still parses without new
   * problems, keeps its line endings and final newline, the finding it targets is gone, and no new
   * finding appears. Findings are compared by {@link FindingKey}, which does not depend on lines,
   * because an edit shifts everything below it. A dropped fix leaves the finding and its message.
   */
  private List<Finding> keepVerifiedFixes(
      InputFile file, Parsed parsed, List<Finding> findings, List<Active> active, Policy policy) {
    if (findings.stream().noneMatch(f -> f.fix() != null)) {
      return findings;
    }
    SourceFile source = file.source();
    Map<FindingKey, Integer> before = FindingKey.count(findings, source);
    Map<String, Integer> problemsBefore = problemCounts(parsed.problems());
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      if (f.fix() == null) {
        out.add(f);
        continue;
      }
      boolean ok = verifies(file, f, before, problemsBefore, active, policy);
      out.add(ok ? f : f.withFix(null));
    }
    return out;
  }

  private boolean verifies(
      InputFile file,
      Finding target,
      Map<FindingKey, Integer> before,
      Map<String, Integer> problemsBefore,
      List<Active> active,
      Policy policy) {
    String text = file.source().text();
    String fixed;
    try {
      fixed = target.fix().applyTo(text);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return false;
    }
    if (fixed.equals(text) || !LineEndings.kept(text, fixed)) {
      return false;
    }
    InputFile after = file.withText(fixed);
    Parsed parsed = parse(after);
    if (parsed.model() == null || !noMore(problemCounts(parsed.problems()), problemsBefore)) {
      return false;
    }
    // The re-check compares findings only, so the rules need not build fixes for it.
    List<Finding> findings = evaluate(parsed, after.source(), active, policy, false);
    Map<FindingKey, Integer> now = FindingKey.count(findings, after.source());
    FindingKey key = FindingKey.of(target, file.source());
    return now.getOrDefault(key, 0) < before.getOrDefault(key, 0) && noMore(now, before);
  }

  /** Whether no key occurs more often in {@code after} than in {@code before}. */
  static <K> boolean noMore(Map<K, Integer> after, Map<K, Integer> before) {
    for (Map.Entry<K, Integer> e : after.entrySet()) {
      if (e.getValue() > before.getOrDefault(e.getKey(), 0)) {
        return false;
      }
    }
    return true;
  }

  /** Parse problems counted by message with digits masked, so shifted line numbers match. */
  static Map<String, Integer> problemCounts(List<ParseProblem> problems) {
    Map<String, Integer> counts = new HashMap<>();
    for (ParseProblem p : problems) {
      counts.merge(FindingKey.maskDigits(p.message()), 1, Integer::sum);
    }
    return counts;
  }
}
