package io.hullcheck.cli;

import io.hullcheck.policy.PolicyDescription;
import io.hullcheck.policy.PolicyError;
import io.hullcheck.policy.PolicyResult;
import io.hullcheck.rules.Rule;
import io.hullcheck.rules.RuleMeta;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hullcheck config --print [PATH]}: the effective policy for a path (packs, the team's file
 * and its overrides merged) and why each rule is on or off. Exit 0, or 2 when the policy file is
 * broken (its errors are printed with file, line and column) or the arguments are wrong.
 */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Show the effective policy for a path and why each rule is on or off.")
final class ConfigCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(names = "--print", description = "Print the effective policy.")
  boolean print;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Use this policy file instead of .github/hullcheck.yml or .hullcheck.yml.")
  Path config;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description =
          "Directory the policy is found in and PATH's overrides are matched from (default: as"
              + " for scan, the nearest directory at or above PATH's directory, in the same git"
              + " repository, that holds a policy file; without one, the current directory when it"
              + " holds PATH, else PATH's directory).")
  Path root;

  @Parameters(
      arity = "0..1",
      paramLabel = "PATH",
      description = "A file or directory whose overrides apply; default: none (the policy itself).")
  Path path;

  ConfigCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintWriter out = context.out();
    PrintWriter err = context.err();
    if (!print) {
      throw new UserError("config: nothing to do; use config --print [PATH]");
    }
    // The root scan and fix would use for this path, so the policy printed is the one they apply.
    Path base =
        root != null ? root : Workspace.defaultRoot(path == null ? List.of() : List.of(path));
    if (!Files.isDirectory(base)) {
      throw new UserError("config: not a directory: " + base);
    }
    if (config != null && !Files.isRegularFile(config)) {
      throw new UserError("no such policy file: " + config);
    }
    PolicyResult result = context.policies().apply(base, config);
    if (!result.ok()) {
      for (PolicyError e : result.errors()) {
        err.println(e);
      }
      err.println("hullcheck: the policy has errors; nothing was printed");
      err.flush();
      return Main.EXIT_USAGE;
    }
    String relative = path == null ? null : relative(base, path);
    if (path != null && !Files.exists(path) && !Files.exists(base.resolve(path))) {
      // Asking about a file before it exists is fine; a typo should not pass silently.
      err.println(
          "hullcheck: note: "
              + path
              + " does not exist; showing the policy a file there would get");
      err.flush();
    }
    List<RuleMeta> catalogue = context.rules().stream().map(Rule::meta).toList();
    String description = PolicyDescription.describe(result.policy(), relative, catalogue);
    // The paths above are relative to the root, which the description cannot know: name it.
    int firstLine = description.indexOf('\n') + 1;
    out.print(
        description.substring(0, firstLine)
            + "root: "
            + base.toAbsolutePath().normalize()
            + "\n"
            + description.substring(firstLine));
    out.flush();
    return Main.EXIT_OK;
  }

  /** {@code path} relative to {@code root}, {@code /}-separated; null for the root itself. */
  static String relative(Path root, Path path) {
    Path r = root.toAbsolutePath().normalize();
    Path p = path.toAbsolutePath().normalize();
    if (!p.startsWith(r)) {
      return path.toString().replace('\\', '/');
    }
    String rel = r.relativize(p).toString().replace('\\', '/');
    return rel.isEmpty() ? null : rel;
  }
}
