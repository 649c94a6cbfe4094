package io.hullcheck.engine;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.ComposeSources;
import io.hullcheck.compose.ProjectLoader;
import io.hullcheck.compose.ProjectText;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.YEntry;
import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.DockerfileParser;
import io.hullcheck.model.ParseProblem;
import io.hullcheck.model.SourceFile;
import io.hullcheck.policy.Policy;
import io.hullcheck.policy.RuleSetting;
import io.hullcheck.policy.Suppressions;
import io.hullcheck.rules.BuildContext;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.ImageRegistry;
import io.hullcheck.rules.Options;
import io.hullcheck.rules.Rule;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleMeta;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.TextEdit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs rules over files under a policy: parses each file once, runs each enabled rule (a rule that
 * throws becomes an internal-error finding; the others still run), applies severities and
 * suppressions, and keeps a rule's fix only after verifying it. Thread-safe and immutable.
 *
 * <p>Compose interpolation sees each file's own variables ({@link InputFile#env()}, the {@code
 * .env} next to it) overlaid by the engine's ({@link #withEnv}), which is empty by default: the
 * process environment is not read here, so the same files give the same findings on every machine.
 *
 * <h2>Compose projects</h2>
 *
 * A compose file is checked as the project {@code docker compose} would run from it ({@link
 * ProjectLoader}): with its override file, its {@code extends} and {@code include} targets, read
 * from the files being checked and then from {@link #withSources}. Rules see the merged services;
 * each finding is reported in the file and at the line where its value is written, so one check of
 * {@code compose.yaml} may report findings in {@code compose.override.yaml} ({@link Finding#path()}
 * is then that file). A compose file that another checked file's project reads (an override, an
 * extended or included file) is not checked on its own, so nothing is reported twice. A fix edits
 * only the file its finding is in, and is verified by re-checking the whole project with the fix
 * applied.
 *
 * <p>Registry lookups are off by default ({@link ImageRegistry#OFFLINE}); {@link #withRegistry}
 * gives the rules a client, which only adds fixes that need the registry.
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
  private final KindRules dockerfileRules;
  private final KindRules composeRules;
  private final Map<String, String> env;
  private final boolean parallel;
  private final boolean fixes;
  private final ComposeSources sources;
  private final ImageRegistry registry;

  public Engine(List<Rule> rules) {
    this(rules, Map.of(), true, true, ComposeSources.none(), ImageRegistry.OFFLINE);
  }

  private Engine(
      List<Rule> rules,
      Map<String, String> env,
      boolean parallel,
      boolean fixes,
      ComposeSources sources,
      ImageRegistry registry) {
    this.rules = List.copyOf(rules);
    // Metadata is read by reflection; read it once, not per file.
    this.catalogue = this.rules.stream().map(Rule::meta).toList();
    this.dockerfileRules = KindRules.of(this.rules, catalogue, DockerfileRule.class);
    this.composeRules = KindRules.of(this.rules, catalogue, ComposeRule.class);
    this.env = Map.copyOf(env);
    this.parallel = parallel;
    this.fixes = fixes;
    this.sources = sources;
    this.registry = registry;
  }

  /** This engine with interpolation variables that win over each file's own. */
  public Engine withEnv(Map<String, String> newEnv) {
    return new Engine(rules, newEnv, parallel, fixes, sources, registry);
  }

  /**
   * This engine checking files on several threads ({@code true}, the default) or on the calling
   * thread only. Results are the same either way.
   */
  public Engine withParallel(boolean newParallel) {
    return new Engine(rules, env, newParallel, fixes, sources, registry);
  }

  /**
   * This engine without fixes: findings only, every fix dropped unverified. Verifying a fix costs a
   * re-parse and a re-check of the file, so callers that never show fixes (the base side of a pull
   * request, which only tells new findings from old) skip that work.
   */
  public Engine withoutFixes() {
    return new Engine(rules, env, parallel, false, sources, registry);
  }

  /**
   * This engine reading the other files of compose projects (overrides, {@code extends} and {@code
   * include} targets) from {@code newSources} when they are not among the files checked.
   */
  public Engine withSources(ComposeSources newSources) {
    return new Engine(rules, env, parallel, fixes, newSources, registry);
  }

  /**
   * This engine with rules that may ask {@code newRegistry} about tags and digests. The registry
   * must answer the same question the same way within one check, since fixes are verified by
   * checking again (a caching client does).
   */
  public Engine withRegistry(ImageRegistry newRegistry) {
    return new Engine(rules, env, parallel, fixes, sources, newRegistry);
  }

  /** The registry rules ask; {@link ImageRegistry#OFFLINE} unless set. */
  public ImageRegistry registry() {
    return registry;
  }

  public List<Rule> rules() {
    return rules;
  }

  /** The metadata of this engine's rules, in registry order. */
  public List<RuleMeta> catalogue() {
    return catalogue;
  }

  /**
   * Checks every file; one file's problems never stop the others. A compose file that is part of
   * another checked file's project is checked there, not on its own.
   */
  public ScanResult check(List<InputFile> files, Policy policy) {
    ComposeSources all = overlay(files);
    Map<String, Parsed> projects = composeProjects(files, all);
    Set<String> members = projectMembers(projects);
    List<InputFile> standalone = files.stream().filter(f -> !members.contains(f.path())).toList();
    List<FileResult> results =
        (parallel && standalone.size() > 1 ? standalone.parallelStream() : standalone.stream())
            .map(f -> checkProject(f, policy, all, projects.get(f.path())))
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
    // A file that two checked files' projects both read (an include cycle) is reported by each;
    // the same finding or problem at the same place is said once.
    Set<List<Object>> seen = new HashSet<>();
    findings.removeIf(
        f ->
            !seen.add(
                List.of(
                    f.path(),
                    f.ruleId(),
                    f.span().startOffset(),
                    f.span().endOffset(),
                    f.message())));
    problems = new ArrayList<>(new LinkedHashSet<>(problems));
    Map<String, List<BuildLink>> builtBy = buildLinks(standalone, projects);
    if (!builtBy.isEmpty()) {
      findings.replaceAll(f -> withBuiltBy(f, builtBy.get(f.path())));
    }
    findings.sort(ORDER);
    problems.sort(FileProblem.ORDER);
    return new ScanResult(findings, problems, checked, builtBy);
  }

  /**
   * The compose services built from each Dockerfile among {@code files}: {@code build.context}
   * (relative to the file where {@code build} is written) joined with {@code build.dockerfile}.
   * Services with {@code dockerfile_inline}, a remote or absolute context, or an unknown value link
   * to no file.
   */
  private static Map<String, List<BuildLink>> buildLinks(
      List<InputFile> files, Map<String, Parsed> projects) {
    Set<String> dockerfiles = new HashSet<>();
    files.stream()
        .filter(f -> f.kind() == FileKind.DOCKERFILE)
        .forEach(f -> dockerfiles.add(f.path()));
    Map<String, List<BuildLink>> out = new HashMap<>();
    if (dockerfiles.isEmpty()) {
      return out;
    }
    for (InputFile f : files) {
      Parsed read = projects.get(f.path());
      if (read == null || !(read.model() instanceof ComposeFile c)) {
        continue;
      }
      for (Service s : c.services()) {
        String path = s.build() == null ? null : c.dockerfilePath(s.build()).orElse(null);
        if (path == null || !dockerfiles.contains(path)) {
          continue;
        }
        ProjectText.Location name = c.layout().locate(s.nameSpan());
        out.computeIfAbsent(path, k -> new ArrayList<>())
            .add(
                new BuildLink(
                    path,
                    s.name(),
                    name.path(),
                    name.span().startLine(),
                    name.span().startColumn()));
      }
    }
    out.values().forEach(l -> l.sort(Comparator.comparing(BuildLink::composePath)));
    return out;
  }

  private static Finding withBuiltBy(Finding f, List<BuildLink> links) {
    if (links == null || links.isEmpty()) {
      return f;
    }
    String built = BuildLink.describe(links);
    return f.withNote(f.note() == null ? built : f.note() + ". " + built);
  }

  /** The checked files first, then the engine's sources. */
  private ComposeSources overlay(List<InputFile> files) {
    Map<String, String> texts = new HashMap<>();
    files.forEach(f -> texts.put(f.path(), f.source().text()));
    return path -> texts.containsKey(path) ? Optional.of(texts.get(path)) : sources.read(path);
  }

  /**
   * Each compose file among {@code files} read as its project, once per check: the membership of
   * projects, the build links and the checks themselves all read these.
   */
  private Map<String, Parsed> composeProjects(List<InputFile> files, ComposeSources all) {
    Map<String, Parsed> out = new HashMap<>();
    for (InputFile f : files) {
      if (f.kind() == FileKind.COMPOSE) {
        out.put(f.path(), parse(f, all));
      }
    }
    return out;
  }

  /**
   * The compose files that another checked compose file's project reads. Two files that read each
   * other (an include cycle) are both checked.
   */
  private static Set<String> projectMembers(Map<String, Parsed> parsed) {
    Map<String, Set<String>> projects = new HashMap<>();
    parsed.forEach(
        (path, p) -> {
          if (p.model() instanceof ComposeFile c && c.layout().multiFile()) {
            Set<String> paths = new HashSet<>();
            c.layout().segments().forEach(s -> paths.add(s.path()));
            paths.remove(path);
            projects.put(path, paths);
          }
        });
    Set<String> members = new HashSet<>();
    projects.forEach(
        (main, paths) -> {
          for (String p : paths) {
            if (!projects.getOrDefault(p, Set.of()).contains(main)) {
              members.add(p);
            }
          }
        });
    return members;
  }

  /**
   * For each compose file among {@code files} that another one's project reads (an override, an
   * extended or included file), the path of that other file, whose check reports its findings.
   */
  public Map<String, String> projectOf(List<InputFile> files) {
    Map<String, Parsed> projects = composeProjects(files, overlay(files));
    Set<String> members = projectMembers(projects);
    Map<String, String> out = new HashMap<>();
    for (InputFile f : files) {
      if (members.contains(f.path())) {
        continue;
      }
      Parsed read = projects.get(f.path());
      if (read != null && read.model() instanceof ComposeFile c) {
        c.layout().segments().stream()
            .map(ProjectText.Segment::path)
            .filter(members::contains)
            .forEach(p -> out.putIfAbsent(p, f.path()));
      }
    }
    return out;
  }

  /** Checks one file: findings sorted, fixes verified, suppressions applied. */
  public FileResult checkFile(InputFile file, Policy policy) {
    return checkProject(file, policy, overlay(List.of(file)), null);
  }

  /**
   * Checks one file, reading the other files of its compose project from {@code others} first (an
   * override being fixed, say), then from the engine's sources.
   */
  public FileResult checkFile(InputFile file, Policy policy, ComposeSources others) {
    ComposeSources own = overlay(List.of(file));
    return checkProject(
        file,
        policy,
        path ->
            path.equals(file.path()) ? own.read(path) : others.read(path).or(() -> own.read(path)),
        null);
  }

  /**
   * Checks one file, reading the other files of its compose project from {@code all}. Findings may
   * lie in those other files ({@link Finding#path()}).
   *
   * @param read the file already read with {@code all}, or null to read it here
   */
  private FileResult checkProject(InputFile file, Policy policy, ComposeSources all, Parsed read) {
    String path = file.path();
    if (!policy.includes(path)) {
      return new FileResult(path, false, List.of(), List.of());
    }
    List<Active> active = activeRules(file, policy);
    Parsed parsed = read != null ? read : parse(file, all);
    List<FileProblem> problems = parsed.fileProblems(file.source());
    if (parsed.model() == null) {
      return new FileResult(path, true, List.of(), problems);
    }
    SourceFile source = parsed.source(file);
    List<Finding> findings = evaluate(parsed, file, active, policy, fixes, all);
    if (fixes) {
      Verified verified = keepVerifiedFixes(file, parsed, findings, active, policy, all);
      findings = verified.findings();
      if (verified.skipped() > 0) {
        problems = new ArrayList<>(problems);
        problems.add(
            new FileProblem(
                path,
                1,
                1,
                verified.skipped()
                    + " proposed fixes were not verified and are not offered: this file is too long"
                    + " to re-check once per fix (their findings are reported)"));
      }
    } else {
      findings = findings.stream().map(f -> f.fix() == null ? f : f.withFix(null)).toList();
    }
    findings = suppress(parsed, source, findings, policy);
    findings = inFiles(parsed, findings);
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
    KindRules candidates = file.kind() == FileKind.DOCKERFILE ? dockerfileRules : composeRules;
    List<RuleSetting> settings = policy.settings(file.path(), candidates.metas());
    SettingsKey key = new SettingsKey(settings);
    List<Active> known = activeBySettings.get(key);
    if (known != null) {
      return known;
    }
    List<Active> active = new ArrayList<>(candidates.rules().size());
    for (int i = 0; i < candidates.rules().size(); i++) {
      RuleSetting setting = settings.get(i);
      if (setting != null && setting.enabled()) {
        active.add(new Active(candidates.rules().get(i), candidates.metas().get(i), setting));
      }
    }
    List<Active> list = List.copyOf(active);
    if (activeBySettings.size() < ACTIVE_LISTS) {
      activeBySettings.putIfAbsent(key, list);
    }
    return list;
  }

  /**
   * The active rules built from a settings list, by the list's identity: a policy that hands back
   * the same list for every file it configures alike (the built-in and repository policies do) gets
   * the rules built once. Bounded; a policy that builds a new list per file just misses.
   */
  private final Map<SettingsKey, List<Active>> activeBySettings = new ConcurrentHashMap<>();

  private static final int ACTIVE_LISTS = 64;

  /**
   * A settings list compared by identity; it holds the list, so an entry can never answer for a
   * different list that happens to reuse its identity hash.
   */
  private record SettingsKey(List<RuleSetting> settings) {
    @Override
    public boolean equals(Object o) {
      return o instanceof SettingsKey k && k.settings == settings;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(settings);
    }
  }

  /** The rules that read one kind of file, in registry order, with their metadata. */
  private record KindRules(List<Rule> rules, List<RuleMeta> metas) {
    static KindRules of(List<Rule> rules, List<RuleMeta> catalogue, Class<?> kind) {
      List<Rule> kept = new ArrayList<>();
      List<RuleMeta> metas = new ArrayList<>();
      for (int i = 0; i < rules.size(); i++) {
        if (kind.isInstance(rules.get(i))) {
          kept.add(rules.get(i));
          metas.add(catalogue.get(i));
        }
      }
      return new KindRules(List.copyOf(kept), List.copyOf(metas));
    }
  }

  /** A parsed file: the model (a Dockerfile or a ComposeFile), or null when the parser failed. */
  record Parsed(Object model, List<ParseProblem> problems, String crash) {

    List<FileProblem> fileProblems(SourceFile source) {
      List<FileProblem> out = new ArrayList<>();
      if (crash != null) {
        out.add(new FileProblem(source.path(), 1, 1, crash));
      }
      for (ParseProblem p : problems) {
        if (model instanceof ComposeFile c) {
          ProjectText.Location at = c.layout().locate(p.span());
          out.add(
              new FileProblem(
                  at.path(), at.span().startLine(), at.span().startColumn(), p.message()));
        } else {
          out.add(
              new FileProblem(
                  source.path(), p.span().startLine(), p.span().startColumn(), p.message()));
        }
      }
      return out;
    }

    /** The text the model's spans point into: the file, or a compose project's joined files. */
    SourceFile source(InputFile file) {
      return model instanceof ComposeFile c ? c.source() : file.source();
    }

    /** Where a span of the model lies: the file, or a compose project's file that holds it. */
    ProjectText layout(InputFile file) {
      return model instanceof ComposeFile c ? c.layout() : ProjectText.single(file.source());
    }
  }

  Parsed parse(InputFile file, ComposeSources all) {
    try {
      if (file.kind() == FileKind.DOCKERFILE) {
        Dockerfile d = DockerfileParser.parse(file.source());
        return new Parsed(d, d.problems(), null);
      }
      Map<String, String> vars = new HashMap<>(file.env());
      vars.putAll(env);
      ComposeFile c = ProjectLoader.load(file.source(), all, vars);
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
      Parsed parsed,
      InputFile file,
      List<Active> active,
      Policy policy,
      boolean wantFixes,
      ComposeSources files) {
    SourceFile source = parsed.source(file);
    List<Finding> out = new ArrayList<>();
    for (Active a : active) {
      RuleContext context =
          new RuleContext(
              a.setting().options() == null ? Options.empty() : a.setting().options(),
              policy.data(),
              file.buildContext(),
              file.repository(),
              registry,
              wantFixes,
              files);
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
        Finding g = source.path().equals(f.path()) ? f : f.withPath(source.path());
        out.add(severity == null || severity == g.severity() ? g : g.withSeverity(severity));
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
   * Past this many proposed fixes in one compose file or Dockerfile, fixes in different services or
   * instructions are first verified in batches (see {@link #keepVerifiedFixes}). Below it every fix
   * is verified alone.
   */
  static final int BATCH_FROM = 8;

  /**
   * Keeps each proposed fix only if, applied alone in memory, the file still parses without new
   * problems, keeps its line endings and final newline, the finding it targets is gone, and no new
   * finding appears. Findings are compared by {@link FindingKey}, which does not depend on lines,
   * because an edit shifts everything below it. A dropped fix leaves the finding and its message.
   *
   * <p>Verifying costs a parse and a check of the whole file, so verifying each of a big file's
   * fixes alone grows with the square of its size (600 compose services took a minute, a Dockerfile
   * of 2,000 RUNs with a fix each over a minute). There, fixes whose edits all lie inside one
   * compose service, or inside one Dockerfile instruction (up to the next instruction), are
   * verified in batches holding at most one fix per service or instruction: the batch is applied at
   * once, and when the file parses without new problems, every targeted finding is gone and nothing
   * new appears, each fix of the batch is kept. A batch that fails is not trusted either way: its
   * fixes are verified alone, as are fixes that edit outside a single region (anchors, top-level
   * keys, text above a Dockerfile's first instruction, another file). Edits in different regions
   * cannot overlap and, unless a rule compares regions with each other so that one fix's edit hides
   * the new finding another fix's edit created, cannot hide each other's new findings.
   *
   * <p>A finding of another rule on text the fix rewrote is compared by rule id alone: adding
   * {@code -y} to {@code apt-get install curl} changes the text of apt-get-no-install-recommends'
   * finding on the same command, and pinning {@code node:latest} to {@code node:23.5.0} changes the
   * message of base-image-full's finding on the same image; each is still the same finding, not a
   * new one, so the fix stays (comparing their text would drop every fix whose line another rule
   * also reports). Such a rule may still not report more often in the rewritten text than before.
   * The target's own rule gets no such allowance.
   */
  private Verified keepVerifiedFixes(
      InputFile file,
      Parsed parsed,
      List<Finding> findings,
      List<Active> active,
      Policy policy,
      ComposeSources all) {
    List<Integer> fixable = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      if (findings.get(i).fix() != null) {
        fixable.add(i);
      }
    }
    if (fixable.isEmpty()) {
      return new Verified(findings, 0);
    }
    SourceFile source = parsed.source(file);
    Map<String, Integer> problemsBefore = problemCounts(parsed.problems());
    Set<Integer> verified = new HashSet<>();
    Set<Integer> failed = new HashSet<>();
    Regions regions = fixable.size() >= BATCH_FROM ? Regions.of(parsed.model()) : null;
    if (regions != null) {
      for (List<Integer> batch : batches(regions, findings, fixable)) {
        if (batch.size() > 1
            && verifiesTogether(file, findings, batch, problemsBefore, active, policy, all)) {
          verified.addAll(batch);
        } else if (batch.size() > 1) {
          failed.addAll(batch);
        }
      }
    }
    List<Finding> out = new ArrayList<>(findings);
    long budget = ALONE_BUDGET;
    int skipped = 0;
    // Fixes of failed batches come last: when the budget runs out, it is their rule's fixes that
    // failed together, not a fix no batch could hold, that go unverified.
    List<Integer> order = new ArrayList<>(fixable);
    order.sort(Comparator.comparing(failed::contains));
    for (int i : order) {
      Finding f = findings.get(i);
      boolean ok = verified.contains(i) && !noOp(f.fix(), source.text());
      if (!ok && budget < source.text().length()) {
        skipped++;
      } else if (!ok) {
        budget -= source.text().length();
        ok = verifies(file, parsed, f, findings, problemsBefore, active, policy, all);
      }
      out.set(i, ok ? f : f.withFix(null));
    }
    return new Verified(out, skipped);
  }

  /**
   * How many characters of re-checked text the fixes of one file may cost when verified alone (one
   * re-check of the whole file or project each): about a hundred re-checks of a 10 KB file. Past it
   * the remaining fixes are dropped unverified and the file gets a problem that says how many, so
   * that a long file whose fixes do not batch costs time linear in its size, not quadratic.
   */
  static final long ALONE_BUDGET = 1_000_000;

  /** Findings after verification, and how many fixes were dropped unverified (over budget). */
  private record Verified(List<Finding> findings, int skipped) {}

  /**
   * The parts of a file that batches keep apart: a single compose file's services, or a
   * Dockerfile's instructions. A region's text runs from its start to the next boundary that starts
   * after it (another region, a top-level compose key) or to the end of the file.
   *
   * @param starts the regions' starts, sorted
   * @param boundaries every start, the regions' included, and the text's length, sorted
   */
  private record Regions(List<Integer> starts, List<Integer> boundaries) {

    /** The regions of a parsed model, or null when its fixes are verified alone. */
    static Regions of(Object model) {
      List<Integer> starts = new ArrayList<>();
      List<Integer> boundaries = new ArrayList<>();
      String text;
      if (model instanceof Dockerfile d) {
        // An instruction's text runs to the next one, so it holds its heredocs and continuation
        // lines and the comments below it.
        d.instructions().forEach(i -> starts.add(i.span().startOffset()));
        text = d.source().text();
      } else if (model instanceof ComposeFile c && !c.layout().multiFile() && c.root() != null) {
        // A compose project of several files keeps its spans in the joined text, which batches do
        // not map to files; its fixes are verified alone.
        for (YEntry e : c.root().entries()) {
          if (e.mergedVia() == null) {
            boundaries.add(e.key().span().startOffset());
          }
        }
        for (Service s : c.services()) {
          if (s.entry().mergedVia() == null) {
            starts.add(s.nameSpan().startOffset());
          }
        }
        text = c.source().text();
      } else {
        return null;
      }
      boundaries.addAll(starts);
      boundaries.add(text.length());
      Collections.sort(starts);
      Collections.sort(boundaries);
      return new Regions(starts, boundaries);
    }

    /** The start of the one region whose text holds every edit of the fix, or null. */
    Integer of(Fix fix) {
      if (fix.elsewhere()) {
        return null;
      }
      int found = -1;
      for (TextEdit e : fix.edits()) {
        int at = Collections.binarySearch(starts, e.startOffset());
        int index = at >= 0 ? at : -at - 2;
        if (index < 0) {
          return null;
        }
        int start = starts.get(index);
        int next = Collections.binarySearch(boundaries, start + 1);
        int end = boundaries.get(next >= 0 ? next : -next - 1);
        // Strictly inside: an edit at the next region's start could belong to either.
        if (e.startOffset() < start || e.endOffset() >= end || e.startOffset() >= end) {
          return null;
        }
        if (found >= 0 && found != start) {
          return null;
        }
        found = start;
      }
      return found < 0 ? null : found;
    }
  }

  /**
   * The fixes grouped so that no batch holds two fixes editing the same region: the first fix of
   * each region in the first batch, the second in the second, and so on. Fixes whose edits are not
   * all inside one region's text are left out (they are verified alone).
   */
  private static List<List<Integer>> batches(
      Regions regions, List<Finding> findings, List<Integer> fixable) {
    // Batched by rule too: one rule's fixes tend to pass or fail alike, so a rule whose fixes fail
    // (and are then verified alone) does not drag another rule's passing fixes down with it.
    Map<String, Map<Integer, Integer>> perRegion = new HashMap<>();
    Map<String, List<List<Integer>>> byRule = new java.util.LinkedHashMap<>();
    for (int i : fixable) {
      Finding f = findings.get(i);
      Integer region = regions.of(f.fix());
      if (region == null) {
        continue;
      }
      int n =
          perRegion.computeIfAbsent(f.ruleId(), k -> new HashMap<>()).merge(region, 1, Integer::sum)
              - 1;
      List<List<Integer>> batches = byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>());
      if (n == batches.size()) {
        batches.add(new ArrayList<>());
      }
      batches.get(n).add(i);
    }
    List<List<Integer>> batches = new ArrayList<>();
    byRule.values().forEach(batches::addAll);
    return batches;
  }

  /** Whether the fix's edits leave the text as it is. */
  private static boolean noOp(Fix fix, String text) {
    for (TextEdit e : fix.edits()) {
      if (e.endOffset() > text.length()
          || !text.substring(e.startOffset(), e.endOffset()).equals(e.text())) {
        return false;
      }
    }
    return true;
  }

  /** {@link #verifies} for a batch of fixes applied at once; each must remove its own finding. */
  private boolean verifiesTogether(
      InputFile file,
      List<Finding> findings,
      List<Integer> batch,
      Map<String, Integer> problemsBefore,
      List<Active> active,
      Policy policy,
      ComposeSources all) {
    String text = file.source().text();
    List<TextEdit> edits = new ArrayList<>();
    Map<FindingKey, Integer> targeted = new HashMap<>();
    for (int i : batch) {
      Finding f = findings.get(i);
      edits.addAll(f.fix().edits());
      targeted.merge(FindingKey.of(f, file.source()), 1, Integer::sum);
    }
    String fixed;
    try {
      fixed = new Fix("batch", edits).applyTo(text);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return false;
    }
    if (!LineEndings.kept(text, fixed)) {
      return false;
    }
    InputFile after = file.withText(fixed);
    Parsed parsed = parse(after, all);
    if (parsed.model() == null || !noMore(problemCounts(parsed.problems()), problemsBefore)) {
      return false;
    }
    // A batch holds one rule's fixes, so the allowance for rewritten findings of other rules is
    // the one each fix would get alone.
    String rule = findings.get(batch.get(0)).ruleId();
    Map<FindingKey, Integer> before = keys(findings, file.source(), edits, false, rule);
    List<Finding> now = evaluate(parsed, after, active, policy, false, all);
    Map<FindingKey, Integer> counts = keys(now, parsed.source(after), edits, true, rule);
    for (Map.Entry<FindingKey, Integer> t : targeted.entrySet()) {
      if (counts.getOrDefault(t.getKey(), 0) > before.getOrDefault(t.getKey(), 0) - t.getValue()) {
        return false;
      }
    }
    return noMore(counts, before);
  }

  /**
   * Applies the fix to the file its finding is in (a compose project's override, say, or a build
   * context's ignore file), then re-checks the whole file or project. A fix whose edits reach
   * outside that file is refused.
   */
  private boolean verifies(
      InputFile file,
      Parsed parsedBefore,
      Finding target,
      List<Finding> findingsBefore,
      Map<String, Integer> problemsBefore,
      List<Active> active,
      Policy policy,
      ComposeSources all) {
    InputFile after;
    ComposeSources afterSources = all;
    if (target.fix().elsewhere()) {
      after = applied(file, target.fix());
    } else {
      ProjectText.Segment segment =
          parsedBefore.layout(file).segmentAt(target.span().startOffset());
      Fix local = localFix(target.fix(), segment);
      String fixed = local == null ? null : appliedText(segment.source().text(), local);
      if (fixed == null) {
        return false;
      }
      boolean inMain = segment.path().equals(file.path());
      after = inMain ? file.withText(fixed) : file;
      if (!inMain) {
        afterSources = path -> path.equals(segment.path()) ? Optional.of(fixed) : all.read(path);
      }
    }
    if (after == null) {
      return false;
    }
    Parsed parsed = parse(after, afterSources);
    if (parsed.model() == null || !noMore(problemCounts(parsed.problems()), problemsBefore)) {
      return false;
    }
    SourceFile beforeSource = parsedBefore.source(file);
    SourceFile afterSource = parsed.source(after);
    // The re-check compares findings only, so the rules need not build fixes for it.
    List<Finding> findings = evaluate(parsed, after, active, policy, false, afterSources);
    // An edit of another file (the ignore file) rewrites nothing in this one.
    List<TextEdit> edits = target.fix().elsewhere() ? List.of() : target.fix().edits();
    Map<FindingKey, Integer> before =
        keys(findingsBefore, beforeSource, edits, false, target.ruleId());
    Map<FindingKey, Integer> now = keys(findings, afterSource, edits, true, target.ruleId());
    FindingKey key = FindingKey.of(target, beforeSource);
    return now.getOrDefault(key, 0) < before.getOrDefault(key, 0) && noMore(now, before);
  }

  /** The text with the fix applied, or null when it cannot apply, changes nothing or line ends. */
  private static String appliedText(String text, Fix fix) {
    String fixed;
    try {
      fixed = fix.applyTo(text);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return null;
    }
    if (fixed.equals(text) || (!text.isEmpty() && !LineEndings.kept(text, fixed))) {
      return null;
    }
    return fixed;
  }

  /**
   * A fix on a compose project's joined text as a fix on the one file its edits lie in; null when
   * they are not all in {@code segment}.
   */
  private static Fix localFix(Fix fix, ProjectText.Segment segment) {
    int base = segment.startOffset();
    List<TextEdit> edits = new ArrayList<>();
    for (TextEdit e : fix.edits()) {
      if (e.startOffset() < base || e.endOffset() > segment.endOffset()) {
        return null;
      }
      edits.add(new TextEdit(e.startOffset() - base, e.endOffset() - base, e.text()));
    }
    return new Fix(fix.description(), edits);
  }

  /**
   * Findings of a compose project moved from the joined text to the file each lies in: path, span
   * and fix edits. A finding of a single file is unchanged.
   */
  private static List<Finding> inFiles(Parsed parsed, List<Finding> findings) {
    if (!(parsed.model() instanceof ComposeFile c) || !c.layout().multiFile()) {
      return findings;
    }
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      ProjectText.Segment segment = c.layout().segmentAt(f.span().startOffset());
      ProjectText.Location at = c.layout().locate(f.span());
      Fix fix = f.fix() == null ? null : localFix(f.fix(), segment);
      out.add(
          new Finding(
              f.ruleId(),
              f.severity(),
              f.category(),
              at.path(),
              at.span(),
              f.message(),
              fix,
              f.note(),
              f.suppression()));
    }
    return out;
  }

  /**
   * The findings' keys; findings of rules other than {@code targetRule} that touch an edited range
   * get a key of their rule id alone (see {@link #keepVerifiedFixes}).
   *
   * @param afterEdits whether the findings are of the fixed text (edit ranges are then shifted)
   */
  private Map<FindingKey, Integer> keys(
      List<Finding> findings,
      SourceFile source,
      List<TextEdit> edits,
      boolean afterEdits,
      String targetRule) {
    List<int[]> ranges = editedRanges(edits, afterEdits);
    Map<FindingKey, Integer> counts = new HashMap<>();
    for (Finding f : findings) {
      int start = f.span().startOffset();
      int end = f.span().endOffset();
      boolean rewritten =
          !f.ruleId().equals(targetRule)
              && ranges.stream().anyMatch(r -> start <= r[1] && r[0] <= end);
      FindingKey k =
          rewritten ? new FindingKey(f.ruleId(), "", "(rewritten)") : FindingKey.of(f, source);
      counts.merge(k, 1, Integer::sum);
    }
    return counts;
  }

  /** The edits' ranges in the original text, or in the fixed text when {@code afterEdits}. */
  private static List<int[]> editedRanges(List<TextEdit> edits, boolean afterEdits) {
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(TextEdit::startOffset));
    List<int[]> out = new ArrayList<>();
    int shift = 0;
    for (TextEdit e : sorted) {
      if (afterEdits) {
        int start = e.startOffset() + shift;
        out.add(new int[] {start, start + e.text().length()});
        shift += e.text().length() - (e.endOffset() - e.startOffset());
      } else {
        out.add(new int[] {e.startOffset(), e.endOffset()});
      }
    }
    return out;
  }

  /**
   * The file as the fix leaves it, or null when the fix cannot apply or changes nothing. A fix on
   * another file applies only to the build context's ignore file, and leaves the file's text as it
   * is and its context's ignore text edited.
   */
  static InputFile applied(InputFile file, Fix fix) {
    BuildContext context = file.buildContext().orElse(null);
    if (fix.elsewhere() && (context == null || !fix.path().equals(context.ignorePath()))) {
      return null;
    }
    String text = fix.elsewhere() ? context.ignoreText().orElse("") : file.source().text();
    String fixed = appliedText(text, fix);
    if (fixed == null) {
      return null;
    }
    return fix.elsewhere()
        ? file.withBuildContext(context.withIgnoreText(fixed))
        : file.withText(fixed);
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
