package io.hullcheck.cli;

import io.hullcheck.policy.PolicyLoader;
import io.hullcheck.policy.PolicyResult;
import io.hullcheck.rules.Registry;
import io.hullcheck.rules.Rule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What commands read from the outside world, passed in so tests can run a command in-process.
 *
 * @param policies loads the policy for a scanned root and an optional {@code --config} file
 * @param processEnv the process environment, read only when a command is asked to use it
 * @param rules the rules commands run and list
 */
public record CliContext(
    PrintWriter out,
    PrintWriter err,
    BiFunction<Path, Path, PolicyResult> policies,
    Map<String, String> processEnv,
    List<Rule> rules) {

  /** The real thing: standard streams, the policy loader, the process environment. */
  public static CliContext system(PrintWriter out, PrintWriter err) {
    return new CliContext(out, err, PolicyLoader::load, System.getenv(), Registry.all());
  }
}
