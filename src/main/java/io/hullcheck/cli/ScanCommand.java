package io.hullcheck.cli;

import io.hullcheck.engine.ScanResult;
import io.hullcheck.policy.Policy;
import io.hullcheck.report.Docs;
import io.hullcheck.report.JsonReport;
import io.hullcheck.report.SarifReport;
import io.hullcheck.report.TextReport;
import io.hullcheck.rules.Severity;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hullcheck scan}: check files and print the findings. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Checks Dockerfiles and compose files against the policy.",
      "Exit codes: 0 clean, 1 findings at or above the policy's fail level (or files that do not"
          + " parse), 2 usage, I/O or policy errors."
    })
final class ScanCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin FileOptions files = new FileOptions();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (default), json or sarif.")
  String format;

  ScanCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json") && !format.equals("sarif")) {
      throw new UserError("unknown --format '" + format + "'; allowed values: text, json, sarif");
    }
    Workspace ws = files.workspace();
    Policy policy = files.policy(context, ws.root());
    if (policy == null) {
      return Main.EXIT_USAGE;
    }
    files.noteExcluded(context, ws, policy);
    var engine = files.engine(context).withSources(ws.composeSources());
    ScanResult result = engine.check(ws.inputs(), policy).withProblems(ws.readProblems());
    String out =
        switch (format) {
          case "json" -> JsonReport.render(result, ws.sources());
          case "sarif" ->
              SarifReport.render(
                  result, ws.sources(), engine.catalogue(), Main.version(), Docs.DEFAULT_BASE);
          default -> TextReport.render(result, ws.sources());
        };
    context.out().print(out);
    context.out().flush();
    return exitCode(result, policy.failOn(), !ws.readProblems().isEmpty());
  }

  /**
   * 2 when a file could not be read; else 1 when a finding reaches {@code failOn} or a file does
   * not parse (a file the build tools cannot read fails whenever anything can fail); else 0.
   */
  static int exitCode(ScanResult result, Severity failOn, boolean readProblems) {
    if (readProblems) {
      return Main.EXIT_USAGE;
    }
    if (failOn == null) {
      return Main.EXIT_OK;
    }
    boolean fails =
        !result.problems().isEmpty()
            || result.active().stream().anyMatch(f -> f.severity().atLeast(failOn));
    return fails ? Main.EXIT_FINDINGS : Main.EXIT_OK;
  }
}
