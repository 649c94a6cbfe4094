package io.hullcheck.job;

import io.hullcheck.compose.ComposeSources;
import io.hullcheck.engine.ContextDirs;
import io.hullcheck.engine.DockerFileNames;
import io.hullcheck.engine.Engine;
import io.hullcheck.engine.FileKind;
import io.hullcheck.engine.FileProblem;
import io.hullcheck.engine.InputFile;
import io.hullcheck.engine.RepositoryTree;
import io.hullcheck.engine.ScanResult;
import io.hullcheck.model.SourceFile;
import io.hullcheck.policy.Policy;
import io.hullcheck.policy.PolicyError;
import io.hullcheck.policy.PolicyLoader;
import io.hullcheck.policy.PolicyResult;
import io.hullcheck.report.pr.CheckText;
import io.hullcheck.report.pr.CommentText;
import io.hullcheck.report.pr.DiffHunks;
import io.hullcheck.report.pr.Fingerprints;
import io.hullcheck.report.pr.PrFinding;
import io.hullcheck.report.pr.RuleDocs;
import io.hullcheck.rules.BuildContext;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reviews one pull request from request to published result, in named stages: read the pull
 * request, start the check run, list changed files, fetch, load the policy from the BASE commit
 * (never the head, so a PR cannot weaken its own review), evaluate head and base versions of the
 * changed Docker files, tag findings new or pre-existing, plan, publish. Every run that created a
 * check run completes it (success, failure, neutral or cancelled), exceptions included.
 *
 * <p>Not thread-safe: one instance per job (the host is bound to one installation token). Logs one
 * line per stage; the caller puts delivery id, repository, PR and head sha in the MDC.
 */
public final class PrJob {
  private static final Logger log = LoggerFactory.getLogger(PrJob.class);

  private final PrHost host;
  private final SourceFetcher fetcher;
  private final Engine engine;
  private final JobSettings settings;
  private final RuleDocs docs;

  public PrJob(PrHost host, SourceFetcher fetcher, Engine engine, JobSettings settings) {
    this.host = host;
    this.fetcher = fetcher;
    this.engine = engine;
    this.settings = settings;
    this.docs =
        new RuleDocs(engine.rules().stream().map(Rule::meta).toList(), settings.docsBaseUrl());
  }

  /** Thrown between stages once the caller cancels; completes the run as cancelled. */
  private static final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Cancelled() {
      super("superseded by a newer push", null, false, false);
    }
  }

  /**
   * Runs the job.
   *
   * @param cancelled polled between stages; once true, the check run completes as {@code cancelled}
   *     ("superseded by a newer push") and nothing else is published
   */
  public JobOutcome run(JobRequest request, BooleanSupplier cancelled) {
    PrRef ref = request.pr();
    String headSha = request.headSha();
    long checkRunId = 0;
    try {
      PullRequest pr = host.pullRequest(ref);
      if (headSha != null && !headSha.equals(pr.headSha())) {
        log.info("stage=read-pr superseded head={} now={}", headSha, pr.headSha());
        checkRunId = startCheck(ref, headSha);
        complete(
            ref,
            checkRunId,
            CheckPlanner.simple(
                CheckConclusion.CANCELLED,
                "Superseded by a newer push",
                "The pull request's head moved to `"
                    + CommentText.shortSha(pr.headSha())
                    + "` before this review started; that commit gets its own check run."));
        return outcome(ref, headSha, checkRunId, CheckConclusion.CANCELLED);
      }
      headSha = pr.headSha();
      checkRunId = startCheck(ref, headSha);
      return review(pr, checkRunId, cancelled);
    } catch (Cancelled c) {
      log.info("stage=cancel superseded by a newer push");
      completeQuietly(
          ref,
          headSha,
          checkRunId,
          CheckPlanner.simple(
              CheckConclusion.CANCELLED,
              "Superseded by a newer push",
              "A newer push to this pull request replaced this review; its commit gets its own"
                  + " check run."));
      return outcome(ref, headSha, checkRunId, CheckConclusion.CANCELLED);
    } catch (RuntimeException e) {
      log.error("stage=failed {}: {}", e.getClass().getSimpleName(), e.getMessage());
      completeQuietly(
          ref,
          headSha,
          checkRunId,
          CheckPlanner.simple(
              CheckConclusion.FAILURE,
              "Hullcheck could not finish the review",
              "The review stopped with an error: "
                  + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                  + "\n\nUse **Re-run** to try again. Nothing was judged, so this is not a verdict"
                  + " on the pull request."));
      return outcome(ref, headSha, checkRunId, CheckConclusion.FAILURE);
    }
  }

  private long startCheck(PrRef ref, String headSha) {
    long id = host.createCheckRun(ref, settings.checkName(), headSha, ref.externalId());
    log.info("stage=start-check check_run={}", id);
    return id;
  }

  private void complete(PrRef ref, long checkRunId, CheckRunUpdate update) {
    host.updateCheckRun(ref, checkRunId, update);
  }

  /** Completes the run after a failure; a second failure here is logged, never thrown. */
  private void completeQuietly(PrRef ref, String headSha, long checkRunId, CheckRunUpdate update) {
    if (headSha == null) {
      log.error("stage=failed no head sha known, no check run to complete");
      return;
    }
    try {
      long id = checkRunId != 0 ? checkRunId : startCheck(ref, headSha);
      complete(ref, id, update);
    } catch (RuntimeException e) {
      log.error("stage=complete-check failed: {}", e.getMessage());
    }
  }

  private static JobOutcome outcome(
      PrRef ref, String headSha, long checkRunId, CheckConclusion conclusion) {
    return new JobOutcome(ref, headSha, checkRunId, conclusion, 0, 0, 0, 0, 0, 0, Map.of());
  }

  private void checkCancelled(BooleanSupplier cancelled) {
    if (cancelled.getAsBoolean()) {
      throw new Cancelled();
    }
  }

  /** The stages after the check run exists. */
  private JobOutcome review(PullRequest pr, long checkRunId, BooleanSupplier cancelled) {
    PrRef ref = pr.ref();
    List<ChangedFile> changed = listChangedFiles(ref);
    List<ChangedFile> docker =
        changed.stream().filter(cf -> DockerFileNames.kindOf(cf.path()).isPresent()).toList();
    List<ChangedFile> policyEdits =
        changed.stream().filter(cf -> PolicyLoader.LOCATIONS.contains(cf.path())).toList();
    checkCancelled(cancelled);

    FetchResult fetched = fetch(pr, docker, policyEdits);
    checkCancelled(cancelled);

    LoadedPolicy base = loadPolicy(pr.baseSha(), fetched, Map.of());
    if (!base.result().ok()) {
      return policyBroken(pr, checkRunId, base, fetched.bytesReceived());
    }
    Policy policy = base.result().policy();
    if (pr.draft() && "skip".equalsIgnoreCase(policy.review().drafts())) {
      log.info("stage=skip draft pull request, review.drafts=skip");
      complete(
          ref,
          checkRunId,
          CheckPlanner.simple(
              CheckConclusion.NEUTRAL,
              "Draft pull request: review skipped",
              "The policy says `review.drafts: skip`. Hullcheck reviews this pull request when it"
                  + " is marked ready for review."));
      return new JobOutcome(
          ref,
          pr.headSha(),
          checkRunId,
          CheckConclusion.NEUTRAL,
          0,
          0,
          0,
          0,
          0,
          fetched.bytesReceived(),
          Map.of());
    }

    Evaluation eval = evaluate(pr, docker, fetched, policy);
    List<String> notes = new ArrayList<>(eval.notes());
    List<Annotation> extraAnnotations = new ArrayList<>();
    previewPolicyEdit(pr, policyEdits, fetched, base, eval, notes, extraAnnotations);
    checkCancelled(cancelled);

    List<ReviewThread> threads = host.botThreads(ref);
    Map<String, DiffHunks> hunks = new LinkedHashMap<>();
    for (ChangedFile cf : docker) {
      if (cf.inHead()) {
        hunks.put(cf.path(), DiffHunks.parse(cf.patch()));
      }
    }
    CheckText.Facts draftFacts =
        new CheckText.Facts(
            pr.headSha(), eval.findings(), List.of(), eval.problems(), List.of(), policy.failOn());
    ReviewPlanner planner = new ReviewPlanner(policy.review(), docs);
    ReviewPlan plan =
        planner.plan(
            pr.headSha(),
            eval.findings(),
            eval.sources(),
            hunks,
            eval.evaluatedPaths(),
            threads,
            CheckText.countLine(draftFacts));
    log.info(
        "stage=plan inline={} overflow={} outside_diff={} already={} resolve={}",
        plan.inline().size(),
        plan.overflow().size(),
        plan.outsideDiff().size(),
        plan.alreadyCommented(),
        plan.resolutions().size());
    checkCancelled(cancelled);

    int posted = publishReview(ref, plan, notes, policy.review().maxComments());
    List<CheckText.Resolved> resolved = publishResolutions(ref, plan, notes);

    CheckText.Facts facts =
        new CheckText.Facts(
            pr.headSha(), eval.findings(), resolved, eval.problems(), notes, policy.failOn());
    CheckConclusion conclusion;
    String title;
    if (eval.evaluatedPaths().isEmpty() && eval.findings().isEmpty()) {
      conclusion = CheckConclusion.NEUTRAL;
      title = docker.isEmpty() ? "No Docker files changed" : "No checked Docker files changed";
      if (!resolved.isEmpty()) {
        title += ", " + resolved.size() + " fixed since the last push";
      }
    } else {
      // A changed file that does not parse fails the check, as it fails `hullcheck scan`: nothing
      // in it could be checked, and the build would likely reject it too.
      conclusion =
          CheckText.failing(facts) > 0 || !eval.problems().isEmpty()
              ? CheckConclusion.FAILURE
              : CheckConclusion.SUCCESS;
      title = CheckText.title(facts);
    }
    CheckPlanner checks = new CheckPlanner(docs);
    List<Annotation> annotations = new ArrayList<>(checks.annotations(eval.findings()));
    eval.problems().forEach(p -> annotations.add(CheckPlanner.problem(p)));
    annotations.addAll(extraAnnotations);
    String summary = CheckText.summary(facts, docs);
    if (docker.isEmpty()) {
      summary =
          "This pull request changes no Dockerfile or compose file, so there is nothing to check.\n\n"
              + summary;
    }
    List<CheckRunUpdate> updates =
        CheckPlanner.updates(conclusion, title, summary, CheckText.text(facts, docs), annotations);
    for (CheckRunUpdate u : updates) {
      complete(ref, checkRunId, u);
    }
    log.info(
        "stage=complete-check conclusion={} annotations={} requests={}",
        conclusion.apiName(),
        annotations.size(),
        updates.size());

    Map<String, Integer> byRule = new TreeMap<>();
    int fresh = 0;
    int pre = 0;
    for (PrFinding pf : eval.findings()) {
      if (pf.suppressed()) {
        continue;
      }
      byRule.merge(pf.finding().ruleId(), 1, Integer::sum);
      if (pf.isNew()) {
        fresh++;
      } else {
        pre++;
      }
    }
    return new JobOutcome(
        ref,
        pr.headSha(),
        checkRunId,
        conclusion,
        fresh,
        pre,
        resolved.size(),
        posted,
        resolved.size(),
        fetched.bytesReceived(),
        byRule);
  }

  private List<ChangedFile> listChangedFiles(PrRef ref) {
    List<ChangedFile> changed = host.changedFiles(ref);
    log.info("stage=list-files changed={}", changed.size());
    return changed;
  }

  /**
   * One fetch for everything the run reads: the policy candidates and the base versions of changed
   * Docker files from the base commit; the head versions, and any edited policy file, from the
   * head. Nothing is fetched when there is nothing to read.
   */
  private FetchResult fetch(
      PullRequest pr, List<ChangedFile> docker, List<ChangedFile> policyEdits) {
    Map<String, Set<String>> wanted = new LinkedHashMap<>();
    Set<String> basePaths = wanted.computeIfAbsent(pr.baseSha(), k -> new LinkedHashSet<>());
    basePaths.addAll(PolicyLoader.LOCATIONS);
    basePaths.addAll(PolicyLoader.HADOLINT_LOCATIONS);
    Set<String> headPaths = wanted.computeIfAbsent(pr.headSha(), k -> new LinkedHashSet<>());
    for (ChangedFile cf : docker) {
      boolean compose = DockerFileNames.kindOf(cf.path()).orElse(null) == FileKind.COMPOSE;
      if (cf.basePath() != null) {
        basePaths.add(cf.basePath());
        if (compose) {
          basePaths.addAll(ProjectFiles.neighbours(cf.basePath()));
        }
      }
      if (cf.inHead()) {
        headPaths.add(cf.path());
        if (compose) {
          headPaths.addAll(ProjectFiles.neighbours(cf.path()));
        }
      }
    }
    for (ChangedFile cf : policyEdits) {
      if (cf.inHead()) {
        headPaths.add(cf.path());
      }
    }
    wanted.values().removeIf(Set::isEmpty);
    // Only a pull request that touches Docker files needs the trees listed: the build contexts of
    // its Dockerfiles and the repository's workflows come from the listing, and of their blobs only
    // the ignore files, registry configs and workflows are fetched.
    SourceFetcher.Request list =
        docker.isEmpty()
            ? new SourceFetcher.Request(Set.of(), p -> false, 0)
            : new SourceFetcher.Request(
                Set.of(pr.headSha(), pr.baseSha()),
                RepositoryTree::wantsText,
                BuildContext.MAX_FILES);
    FetchResult first = fetcher.fetch(pr.cloneUrl(), host.gitCredentials(pr.ref()), wanted, list);
    // Compose projects: the extends and include targets their files name, from the same commits.
    Map<String, List<String>> roots = new LinkedHashMap<>();
    for (ChangedFile cf : docker) {
      if (DockerFileNames.kindOf(cf.path()).orElse(null) != FileKind.COMPOSE) {
        continue;
      }
      if (cf.inHead()) {
        roots.computeIfAbsent(pr.headSha(), k -> new ArrayList<>()).add(cf.path());
        roots.get(pr.headSha()).addAll(ProjectFiles.neighbours(cf.path()));
      }
      if (cf.basePath() != null) {
        roots.computeIfAbsent(pr.baseSha(), k -> new ArrayList<>()).add(cf.basePath());
        roots.get(pr.baseSha()).addAll(ProjectFiles.neighbours(cf.basePath()));
      }
    }
    FetchResult result =
        ProjectFiles.complete(
            first,
            roots,
            more -> fetcher.fetch(pr.cloneUrl(), host.gitCredentials(pr.ref()), more));
    log.info(
        "stage=fetch paths={} bytes_received={} filtered={}",
        wanted.values().stream().mapToInt(Set::size).sum(),
        result.bytesReceived(),
        result.filtered());
    return result;
  }

  /**
   * The policy of a commit: the first of {@link PolicyLoader#LOCATIONS} present, else the built-in
   * default pack.
   *
   * @param overrides path → text that replaces what the commit has (the head's edited versions)
   */
  private LoadedPolicy loadPolicy(
      String sha, FetchResult fetched, Map<String, FetchedFile> overrides) {
    for (String path : PolicyLoader.LOCATIONS) {
      FetchedFile f = overrides.getOrDefault(path, fetched.file(sha, path));
      if (f.kind() == FetchedFile.Kind.FILE) {
        PolicyLoader.RepoFiles files =
            p -> {
              FetchedFile other = overrides.getOrDefault(p, fetched.file(sha, p));
              return other.kind() == FetchedFile.Kind.FILE
                  ? Optional.of(other.text())
                  : Optional.empty();
            };
        PolicyResult r = PolicyLoader.parse(path, f.text(), files);
        log.info("stage=load-policy path={} errors={}", path, r.errors().size());
        return new LoadedPolicy(path, r);
      }
    }
    log.info("stage=load-policy built-in default pack");
    return new LoadedPolicy(
        null, new PolicyResult(PolicyLoader.builtin("default"), List.of(), null));
  }

  private record LoadedPolicy(String path, PolicyResult result) {}

  /** The base policy does not load: fail the check with annotations on the policy file. */
  private JobOutcome policyBroken(PullRequest pr, long checkRunId, LoadedPolicy base, long bytes) {
    List<PolicyError> errors = base.result().errors();
    StringBuilder summary = new StringBuilder();
    summary
        .append("The policy `")
        .append(base.path())
        .append("` on the base branch has ")
        .append(errors.size() == 1 ? "an error" : errors.size() + " errors")
        .append(", so nothing was checked. Fix it on the base branch; a broken policy never falls")
        .append(" back to defaults.\n\n");
    for (PolicyError e : errors) {
      summary.append("- `").append(e).append("`\n");
    }
    List<Annotation> annotations =
        errors.stream().map(e -> CheckPlanner.policyError(e, AnnotationLevel.FAILURE)).toList();
    for (CheckRunUpdate u :
        CheckPlanner.updates(
            CheckConclusion.FAILURE,
            "Policy "
                + base.path()
                + " has "
                + errors.size()
                + " error"
                + (errors.size() == 1 ? "" : "s"),
            summary.toString(),
            null,
            annotations)) {
      complete(pr.ref(), checkRunId, u);
    }
    log.warn("stage=load-policy base policy broken errors={}", errors.size());
    return new JobOutcome(
        pr.ref(),
        pr.headSha(),
        checkRunId,
        CheckConclusion.FAILURE,
        0,
        0,
        0,
        0,
        0,
        bytes,
        Map.of());
  }

  /**
   * What evaluation produced.
   *
   * @param sources head text per path
   * @param evaluatedPaths head paths that were read and checked, plus removed Docker files
   */
  private record Evaluation(
      List<PrFinding> findings,
      List<FileProblem> problems,
      Map<String, SourceFile> sources,
      Set<String> evaluatedPaths,
      List<String> notes,
      List<InputFile> headInputs) {}

  /**
   * Parses and checks the head and base versions of the changed Docker files, then tags each head
   * finding new or pre-existing by fingerprint. Base versions are checked under their head path so
   * renamed files compare.
   */
  private Evaluation evaluate(
      PullRequest pr, List<ChangedFile> docker, FetchResult fetched, Policy policy) {
    List<InputFile> headInputs = new ArrayList<>();
    List<InputFile> baseInputs = new ArrayList<>();
    Map<String, SourceFile> headSources = new LinkedHashMap<>();
    Map<String, SourceFile> baseSources = new LinkedHashMap<>();
    Set<String> evaluated = new LinkedHashSet<>();
    List<String> notes = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    for (ChangedFile cf : docker) {
      FileKind kind = DockerFileNames.kindOf(cf.path()).orElseThrow();
      if (!policy.includes(cf.path())) {
        excluded.add(cf.path());
        continue;
      }
      if (!cf.inHead()) {
        evaluated.add(cf.path());
        continue;
      }
      Optional<String> head = readable(fetched.file(pr.headSha(), cf.path()), notes);
      if (head.isEmpty()) {
        continue;
      }
      SourceFile hs = new SourceFile(cf.path(), head.get());
      headSources.put(cf.path(), hs);
      headInputs.add(new InputFile(hs, kind));
      evaluated.add(cf.path());
      if (cf.basePath() != null) {
        Optional<String> base =
            readable(fetched.file(pr.baseSha(), cf.basePath()), new ArrayList<>());
        if (base.isPresent()) {
          SourceFile bs = new SourceFile(cf.path(), base.get());
          baseSources.put(cf.path(), bs);
          baseInputs.add(new InputFile(bs, kind));
        }
      }
    }
    if (!excluded.isEmpty()) {
      notes.add(
          "Not checked (excluded by `paths` in the policy): "
              + String.join(", ", excluded.stream().map(p -> "`" + p + "`").toList()));
    }
    ComposeSources headFiles = ProjectFiles.of(fetched, pr.headSha());
    ComposeSources baseFiles = ProjectFiles.of(fetched, pr.baseSha());
    addProjectMains(docker, headInputs, headSources, headFiles);
    addProjectMains(docker, baseInputs, baseSources, baseFiles);
    headInputs = surround(pr.headSha(), fetched, headInputs, notes);
    baseInputs = surround(pr.baseSha(), fetched, baseInputs, new ArrayList<>());
    ScanResult headResult = engine.withSources(headFiles).check(headInputs, policy);
    ScanResult baseResult = engine.withSources(baseFiles).check(baseInputs, policy);
    // Findings may lie in the other files of a compose project (an override, an extends target):
    // fingerprints and comments need their text too.
    for (Finding f : headResult.findings()) {
      headFiles
          .read(f.path())
          .ifPresent(t -> headSources.putIfAbsent(f.path(), new SourceFile(f.path(), t)));
    }
    for (Finding f : baseResult.findings()) {
      baseFiles
          .read(f.path())
          .ifPresent(t -> baseSources.putIfAbsent(f.path(), new SourceFile(f.path(), t)));
    }
    List<Finding> hf = headResult.findings();
    List<String> headFps = Fingerprints.of(hf, headSources);
    Set<String> baseFps = new HashSet<>(Fingerprints.of(baseResult.findings(), baseSources));
    List<PrFinding> tagged = new ArrayList<>();
    for (int i = 0; i < hf.size(); i++) {
      String fp = headFps.get(i);
      tagged.add(
          new PrFinding(
              hf.get(i),
              fp,
              baseFps.contains(fp) ? PrFinding.Origin.PRE_EXISTING : PrFinding.Origin.NEW));
    }
    log.info(
        "stage=evaluate files={} findings={} base_findings={} problems={}",
        headInputs.size(),
        hf.size(),
        baseResult.findings().size(),
        headResult.problems().size());
    return new Evaluation(tagged, headResult.problems(), headSources, evaluated, notes, headInputs);
  }

  /**
   * Adds the default compose file of each changed override file whose default file is unchanged, so
   * the override is checked as part of its project, as {@code docker compose} reads it.
   */
  private static void addProjectMains(
      List<ChangedFile> docker,
      List<InputFile> inputs,
      Map<String, SourceFile> sources,
      ComposeSources files) {
    Set<String> present = new HashSet<>();
    inputs.forEach(i -> present.add(i.path()));
    for (ChangedFile cf : docker) {
      Optional<String> main = ProjectFiles.mainOf(cf.path(), files);
      if (main.isEmpty() || !present.contains(cf.path()) || !present.add(main.get())) {
        continue;
      }
      SourceFile source = new SourceFile(main.get(), files.read(main.get()).orElseThrow());
      sources.put(main.get(), source);
      inputs.add(new InputFile(source, FileKind.COMPOSE));
    }
  }

  /**
   * The inputs with their build contexts and the repository view, from the commit's listing and the
   * texts fetched with it; as they were when the commit was not listed. A workflow that does not
   * parse becomes a note.
   */
  private static List<InputFile> surround(
      String sha, FetchResult fetched, List<InputFile> inputs, List<String> notes) {
    Optional<Listing> listing = fetched.listing(sha);
    if (listing.isEmpty() || inputs.isEmpty()) {
      return inputs;
    }
    Map<String, String> texts = new HashMap<>();
    for (String path : listing.get().paths()) {
      FetchedFile f = RepositoryTree.wantsText(path) ? fetched.file(sha, path) : null;
      if (f != null && f.kind() == FetchedFile.Kind.FILE && !f.binary()) {
        texts.put(path, f.text());
      }
    }
    RepositoryTree tree =
        new RepositoryTree(listing.get().paths(), listing.get().truncated(), texts);
    List<String> dockerfiles =
        tree.paths().stream()
            .filter(p -> DockerFileNames.kindOf(p).orElse(null) == FileKind.DOCKERFILE)
            .toList();
    RepositoryTree.View view = tree.view(dockerfiles);
    for (FileProblem p : view.problems()) {
      notes.add(
          "Could not read `"
              + p.path()
              + "` (line "
              + p.line()
              + ", column "
              + p.column()
              + "): "
              + p.message());
    }
    return tree.attach(inputs, ContextDirs.DEFAULT, view.repository());
  }

  /** The text of a fetched file, or empty with a note saying why it is not read. */
  private static Optional<String> readable(FetchedFile f, List<String> notes) {
    switch (f.kind()) {
      case FILE -> {
        if (f.binary()) {
          notes.add("`" + f.path() + "` looks binary and was not checked.");
          return Optional.empty();
        }
        return Optional.of(f.text());
      }
      case SYMLINK -> {
        notes.add(
            "`"
                + f.path()
                + "` is a symbolic link (to `"
                + f.text()
                + "`); links are never followed, so it was not checked.");
        return Optional.empty();
      }
      case OTHER -> {
        notes.add("`" + f.path() + "` is not a regular file (a submodule?) and was not checked.");
        return Optional.empty();
      }
      case MISSING -> {
        notes.add("`" + f.path() + "` was not found in the head commit.");
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * When the pull request edits the policy file: validate the head version and show its errors (as
   * notice annotations) or its effect (the findings it would give), as information only. The base
   * policy still judges this pull request.
   */
  private void previewPolicyEdit(
      PullRequest pr,
      List<ChangedFile> policyEdits,
      FetchResult fetched,
      LoadedPolicy base,
      Evaluation eval,
      List<String> notes,
      List<Annotation> annotations) {
    if (policyEdits.isEmpty()) {
      return;
    }
    Map<String, FetchedFile> headVersions = new LinkedHashMap<>();
    for (ChangedFile cf : policyEdits) {
      headVersions.put(
          cf.path(),
          cf.inHead() ? fetched.file(pr.headSha(), cf.path()) : FetchedFile.missing(cf.path()));
    }
    LoadedPolicy head = loadPolicy(pr.baseSha(), fetched, headVersions);
    StringBuilder sb = new StringBuilder("### Policy change in this pull request\n");
    sb.append("This review uses the base branch's policy (")
        .append(base.path() == null ? "the built-in default pack" : "`" + base.path() + "`")
        .append("); the edited policy applies only after merging. ");
    if (!head.result().ok()) {
      List<PolicyError> errors = head.result().errors();
      sb.append("The edited `")
          .append(head.path())
          .append("` has ")
          .append(errors.size() == 1 ? "an error" : errors.size() + " errors")
          .append(", which would fail every check after merging:\n");
      for (PolicyError e : errors) {
        sb.append("- `").append(e).append("`\n");
        annotations.add(CheckPlanner.policyError(e, AnnotationLevel.NOTICE));
      }
      notes.add(sb.toString());
      return;
    }
    sb.append(
        head.path() == null
            ? "After merging, no policy file remains and the built-in default pack applies. "
            : "The edited `" + head.path() + "` is valid. ");
    Map<String, Integer> now =
        countByRule(eval.findings().stream().map(PrFinding::finding).toList());
    Map<String, Integer> then =
        countByRule(engine.check(eval.headInputs(), head.result().policy()).findings());
    Set<String> rules = new java.util.TreeSet<>(now.keySet());
    rules.addAll(then.keySet());
    List<String> diffs = new ArrayList<>();
    for (String rule : rules) {
      int a = now.getOrDefault(rule, 0);
      int b = then.getOrDefault(rule, 0);
      if (a != b) {
        diffs.add("- " + docs.link(rule) + ": " + a + " → " + b);
      }
    }
    if (diffs.isEmpty()) {
      sb.append("On the files of this pull request it reports the same findings.");
    } else {
      sb.append("On the files of this pull request it would report (unsuppressed findings, now → ")
          .append("with the edited policy):\n")
          .append(String.join("\n", diffs));
    }
    notes.add(sb.toString());
  }

  private static Map<String, Integer> countByRule(List<Finding> findings) {
    Map<String, Integer> out = new TreeMap<>();
    for (Finding f : findings) {
      if (!f.suppressed()) {
        out.merge(f.ruleId(), 1, Integer::sum);
      }
    }
    return out;
  }

  /**
   * Posts the planned review. On 422, retries once without the comments GitHub could not place (all
   * of them when it does not say which), listing those in the body; a failure after that is a note
   * in the check output, never a lost check run.
   *
   * @return how many inline comments were posted
   */
  private int publishReview(PrRef ref, ReviewPlan plan, List<String> notes, int maxComments) {
    ReviewRequest review = plan.review();
    if (review == null) {
      log.info("stage=publish-review nothing new to comment on");
      return 0;
    }
    try {
      host.createReview(ref, review);
      log.info("stage=publish-review comments={}", review.comments().size());
      return review.comments().size();
    } catch (ReviewRejectedException e) {
      log.warn("stage=publish-review rejected ({}), retrying once", e.getMessage());
      Set<Integer> rejected = e.rejectedComments();
      List<ReviewPlan.Placed> keep = new ArrayList<>();
      List<PrFinding> dropped = new ArrayList<>();
      for (int i = 0; i < plan.inline().size(); i++) {
        if (rejected.isEmpty() || rejected.contains(i)) {
          dropped.add(plan.inline().get(i).finding());
        } else {
          keep.add(plan.inline().get(i));
        }
      }
      String body =
          CommentText.reviewBody(
              review.commitId(),
              keep.size(),
              maxComments,
              plan.overflow(),
              dropped,
              plan.outsideDiff().size(),
              "GitHub could not place " + dropped.size() + " inline comments, listed below.",
              docs);
      ReviewRequest retry =
          new ReviewRequest(
              review.commitId(),
              review.event(),
              body,
              keep.stream().map(ReviewPlan.Placed::comment).toList());
      try {
        host.createReview(ref, retry);
        notes.add(
            "GitHub could not place "
                + (plan.inline().size() - keep.size())
                + " inline comments; the review lists them in its body instead.");
        return keep.size();
      } catch (HostException e2) {
        log.error("stage=publish-review retry failed: {}", e2.getMessage());
        notes.add("The review could not be posted (" + e2.getMessage() + "); see the annotations.");
        return 0;
      }
    } catch (HostException e) {
      log.error("stage=publish-review failed: {}", e.getMessage());
      notes.add("The review could not be posted (" + e.getMessage() + "); see the annotations.");
      return 0;
    }
  }

  /** Replies on and resolves the threads of findings that are gone. Never deletes anything. */
  private List<CheckText.Resolved> publishResolutions(
      PrRef ref, ReviewPlan plan, List<String> notes) {
    List<CheckText.Resolved> done = new ArrayList<>();
    for (ReviewPlan.Resolution r : plan.resolutions()) {
      try {
        host.reply(ref, r.thread().rootCommentId(), r.reply());
        host.resolveThread(ref, r.thread().threadId());
        done.add(
            new CheckText.Resolved(
                r.thread().path(), r.ruleId() == null ? "unknown" : r.ruleId(), r.reason()));
      } catch (HostException e) {
        log.error("stage=resolve-thread failed: {}", e.getMessage());
        notes.add("A fixed finding's thread could not be resolved (" + e.getMessage() + ").");
      }
    }
    if (!done.isEmpty()) {
      log.info("stage=resolve-threads resolved={}", done.size());
    }
    return done;
  }
}
