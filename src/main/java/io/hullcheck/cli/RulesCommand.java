package io.hullcheck.cli;

import io.hullcheck.report.CatalogueReport;
import io.hullcheck.rules.Rule;
import io.hullcheck.rules.RuleMeta;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hullcheck rules}: the catalogue of rules. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Lists every rule: id, severity, target, title.")
final class RulesCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (default), json or markdown (the docs/rules.md page).")
  String format;

  RulesCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<RuleMeta> rules = context.rules().stream().map(Rule::meta).toList();
    String out =
        switch (format) {
          case "text" -> CatalogueReport.text(rules);
          case "json" -> CatalogueReport.json(rules);
          case "markdown" -> CatalogueReport.markdown(rules);
          default ->
              throw new UserError(
                  "unknown --format '" + format + "'; allowed values: text, json, markdown");
        };
    context.out().print(out);
    context.out().flush();
    return Main.EXIT_OK;
  }
}
