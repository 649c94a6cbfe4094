package io.hullcheck.cli;

import io.hullcheck.engine.Engine;
import io.hullcheck.engine.FileKind;
import io.hullcheck.policy.Policy;
import io.hullcheck.policy.PolicyError;
import io.hullcheck.policy.PolicyResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options {@code scan} and {@code fix} share: which files, which policy, which variables, which
 * registry.
 */
final class FileOptions {
  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Files or directories (default: the current directory).")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description = "Read named files as dockerfile or compose, whatever their names.")
  String kind;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Policy file (default: .github/hullcheck.yml, then .hullcheck.yml, in the root).")
  Path config;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description =
          "Directory that output paths are relative to and the policy is found in (default: the"
              + " nearest directory holding every PATH and a policy file, in the same git"
              + " repository; without one, a single directory PATH, else the current directory"
              + " when it holds every PATH).")
  Path root;

  @Option(
      names = {"-e", "--env"},
      paramLabel = "NAME=VALUE",
      description =
          "A variable for compose interpolation; wins over the .env next to the compose file.")
  Map<String, String> env = new LinkedHashMap<>();

  @Option(
      names = "--process-env",
      description =
          "Also interpolate compose files with this process's environment (off by default, so"
              + " results do not depend on the machine).")
  boolean processEnv;

  @Mixin RegistryOptions registry = new RegistryOptions();

  Workspace workspace() {
    return Workspace.open(paths, kind(), root);
  }

  FileKind kind() {
    if (kind == null) {
      return null;
    }
    return switch (kind.toLowerCase(Locale.ROOT)) {
      case "dockerfile" -> FileKind.DOCKERFILE;
      case "compose" -> FileKind.COMPOSE;
      default ->
          throw new UserError("unknown --kind '" + kind + "'; allowed values: dockerfile, compose");
    };
  }

  /**
   * The engine with every rule, the interpolation variables and the registry lookups the user asked
   * for.
   */
  Engine engine(CliContext context) {
    Map<String, String> vars = new LinkedHashMap<>();
    if (processEnv) {
      vars.putAll(context.processEnv());
    }
    vars.putAll(env);
    return new Engine(context.rules()).withEnv(vars).withRegistry(registry.registry(context));
  }

  /** The policy, or null after printing every error in it (the caller exits with 2). */
  Policy policy(CliContext context, Path workspaceRoot) {
    if (config != null && !java.nio.file.Files.isRegularFile(config)) {
      throw new UserError("no such policy file: " + config);
    }
    PolicyResult result = context.policies().apply(workspaceRoot, config);
    if (!result.ok()) {
      for (PolicyError e : result.errors()) {
        context.err().println(e);
      }
      context.err().println("hullcheck: the policy has errors; nothing was checked");
      return null;
    }
    return result.policy();
  }

  /**
   * Says on stderr which files named on the command line the policy's {@code paths} exclude: they
   * are not checked, and a summary of "0 files" alone would not say why.
   */
  void noteExcluded(CliContext context, Workspace ws, Policy policy) {
    for (Path p : paths) {
      Path abs = p.toAbsolutePath().normalize();
      if (!java.nio.file.Files.isRegularFile(abs)) {
        continue;
      }
      ws.files().entrySet().stream()
          .filter(e -> e.getValue().toAbsolutePath().normalize().equals(abs))
          .map(Map.Entry::getKey)
          .filter(rel -> !policy.includes(rel))
          .forEach(
              rel ->
                  context
                      .err()
                      .println(
                          "hullcheck: note: "
                              + rel
                              + " is excluded by the policy's paths and was not checked"));
    }
  }
}
