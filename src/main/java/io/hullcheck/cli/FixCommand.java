package io.hullcheck.cli;

import io.hullcheck.engine.Engine;
import io.hullcheck.engine.FileProblem;
import io.hullcheck.engine.Fixer;
import io.hullcheck.engine.InputFile;
import io.hullcheck.policy.Policy;
import io.hullcheck.report.UnifiedDiff;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hullcheck fix}: apply every verified fix in place, or print them as a diff. */
@Command(
    name = "fix",
    mixinStandardHelpOptions = true,
    description = {
      "Applies every verified fix in place (suppressed findings are left alone).",
      "Exit codes: 0 done, 2 usage, I/O or policy errors."
    })
final class FixCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin FileOptions files = new FileOptions();

  @Option(names = "--dry-run", description = "Print a unified diff instead of writing files.")
  boolean dryRun;

  FixCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Workspace ws = files.workspace();
    ws.readProblems().forEach(this::printProblem);
    Policy policy = files.policy(context, ws.root());
    if (policy == null) {
      return Main.EXIT_USAGE;
    }
    files.noteExcluded(context, ws, policy);
    Engine engine = files.engine(context).withSources(ws.composeSources());
    Fixer fixer = new Fixer(engine);
    Map<String, String> projectOf = engine.projectOf(ws.inputs());
    Map<String, InputFile> byPath = new HashMap<>();
    ws.inputs().forEach(i -> byPath.put(i.path(), i));
    int fixes = 0;
    // Every file written, once: a fix may edit an ignore file beside the Dockerfile it fixes, and
    // two Dockerfiles of one context edit the same one.
    Set<String> changedFiles = new TreeSet<>();
    boolean ioError = !ws.readProblems().isEmpty();
    // Ignore files already edited for an earlier Dockerfile of the same context, so the next one's
    // fix starts from what was written, not from what was read.
    Map<String, String> edited = new HashMap<>();
    for (InputFile read : ws.inputs()) {
      InputFile input =
          read.buildContext()
              .filter(c -> edited.containsKey(c.ignorePath()))
              .map(c -> read.withBuildContext(c.withIgnoreText(edited.get(c.ignorePath()))))
              .orElse(read);
      InputFile project = byPath.get(projectOf.get(input.path()));
      Fixer.Outcome outcome =
          project == null ? fixer.fix(input, policy) : fixer.fix(input, project, policy);
      edited.putAll(outcome.otherFiles());
      // Fixes still apply to a file with parse problems (none may add one), but the user is told.
      outcome.problems().forEach(this::printProblem);
      // The Fixer re-checks until nothing more applies; what it still offers then was not applied,
      // and "every verified fix" must not quietly become "most of them".
      outcome
          .remaining()
          .forEach(
              d ->
                  context
                      .err()
                      .println(
                          input.path()
                              + ": not applied: "
                              + d
                              + " (still offered when fixing stopped; make this change by"
                              + " hand)"));
      if (!outcome.changed()) {
        continue;
      }
      fixes += outcome.applied().size();
      if (!outcome.fixed().equals(outcome.original())) {
        changedFiles.add(input.path());
      }
      changedFiles.addAll(outcome.otherFiles().keySet());
      if (dryRun) {
        context.out().print(UnifiedDiff.of(input.path(), outcome.original(), outcome.fixed()));
        for (Map.Entry<String, String> other : outcome.otherFiles().entrySet()) {
          String before = input.buildContext().flatMap(c -> c.ignoreText()).orElse("");
          context.out().print(UnifiedDiff.of(other.getKey(), before, other.getValue()));
        }
        continue;
      }
      Path target = ws.files().get(input.path());
      try {
        if (!outcome.fixed().equals(outcome.original())) {
          Workspace.write(target, outcome.fixed());
        }
        for (Map.Entry<String, String> other : outcome.otherFiles().entrySet()) {
          Workspace.write(ws.root().resolve(other.getKey()), other.getValue());
        }
        outcome.applied().forEach(d -> context.err().println(input.path() + ": fixed: " + d));
      } catch (IOException e) {
        context.err().println(input.path() + ": cannot write: " + Workspace.describe(e));
        ioError = true;
      }
    }
    context.out().flush();
    context
        .err()
        .println(
            (dryRun ? "Would apply " : "Applied ")
                + fixes
                + (fixes == 1 ? " fix" : " fixes")
                + " in "
                + changedFiles.size()
                + (changedFiles.size() == 1 ? " file" : " files"));
    return ioError ? Main.EXIT_USAGE : Main.EXIT_OK;
  }

  private void printProblem(FileProblem p) {
    context
        .err()
        .println(p.path() + ":" + p.line() + ":" + p.column() + ": problem: " + p.message());
  }
}
