package io.hullcheck.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point: {@code hullcheck <command>}. Exit codes: {@value #EXIT_OK} clean, {@value
 * #EXIT_FINDINGS} findings at or above the policy's fail level, {@value #EXIT_USAGE} usage, I/O or
 * policy errors.
 */
@Command(
    name = "hullcheck",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Reviews Dockerfiles and compose files against your team's policy.",
    subcommands = {CommandLine.HelpCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {
  public static final int EXIT_OK = 0;
  public static final int EXIT_FINDINGS = 1;
  public static final int EXIT_USAGE = 2;

  /**
   * Every subcommand, built with the context. To add a command, add its constructor here (a command
   * that needs no context can use {@code c -> new MyCommand()}).
   */
  static final List<Function<CliContext, Object>> SUBCOMMANDS =
      List.of(
          ScanCommand::new,
          FixCommand::new,
          RulesCommand::new,
          ConfigCommand::new,
          ReviewCommand::new,
          DemoCommand::new,
          io.hullcheck.app.ServeCommand::new,
          io.hullcheck.app.HealthcheckCommand::new);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(CliContext.system(out, err), args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line in-process and returns its exit code. */
  public static int run(CliContext context, String... args) {
    return commandLine(context).execute(args);
  }

  static CommandLine commandLine(CliContext context) {
    CommandLine cmd = new CommandLine(new Main());
    for (Function<CliContext, Object> sub : SUBCOMMANDS) {
      cmd.addSubcommand(sub.apply(context));
    }
    cmd.setOut(context.out());
    cmd.setErr(context.err());
    cmd.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          if (e instanceof UserError) {
            line.getErr().println("hullcheck: " + e.getMessage());
            return EXIT_USAGE;
          }
          // A bug: show where, so it can be reported.
          line.getErr().println("hullcheck: internal error: " + e);
          e.printStackTrace(line.getErr());
          return EXIT_USAGE;
        });
    return cmd;
  }

  /** Without a command: the usage, and a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return EXIT_USAGE;
  }

  /** The version from the jar's manifest, {@code dev} when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"hullcheck " + version()};
    }
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
