package dev.jobs.cli;

import dev.jobs.cli.completion.CompletionCommand;
import dev.jobs.cli.deploy.DeployCommand;
import dev.jobs.cli.deploy.DestroyCommand;
import dev.jobs.cli.job.GetCommand;
import dev.jobs.cli.job.SubmitCommand;
import dev.jobs.cli.job.WaitCommand;
import dev.jobs.cli.local.LocalCommand;
import dev.jobs.cli.replay.ReplayCommand;
import dev.jobs.cli.replay.ReplaysCommand;
import dev.jobs.cli.targets.TargetCommand;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** The {@code jobs} command: run long jobs behind a REST API, on AWS or on this machine. */
@Command(
    name = "jobs",
    // Subcommands inherit the version and the exit-code list, so each --help shows the codes.
    scope = CommandLine.ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = Jobs.Version.class,
    description = "Run long jobs behind a REST API, on AWS or on this machine.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success (for wait: the job SUCCEEDED)",
      "1:error",
      "2:usage",
      "3:the job FAILED",
      "4:timed out waiting",
      "5:credentials or authorization",
      "6:not found",
      "130:interrupted"
    })
public final class Jobs {
  /** The subcommands, in the order {@code --help} lists them. */
  static final List<Class<?>> COMMANDS =
      List.of(
          SubmitCommand.class,
          GetCommand.class,
          WaitCommand.class,
          ReplayCommand.class,
          ReplaysCommand.class,
          TargetCommand.class,
          LocalCommand.class,
          DeployCommand.class,
          DestroyCommand.class,
          CompletionCommand.class,
          CommandLine.HelpCommand.class);

  /**
   * The commands run most often, by name and alias. For these, only the one command is built:
   * picocli reflects over every registered command up front, which costs a {@code jobs get} tens of
   * milliseconds for commands it does not run.
   */
  private static final Map<String, Class<?>> QUICK =
      Map.of(
          "get", GetCommand.class,
          "status", GetCommand.class,
          "wait", WaitCommand.class,
          "submit", SubmitCommand.class);

  private final Environment environment;

  Jobs(Environment environment) {
    this.environment = environment;
  }

  public static void main(String... args) {
    // UTF-8 whatever the locale: the output is JSON (job results, parameters) and text read by
    // tools.
    System.exit(run(utf8(System.out), utf8(System.err), args));
  }

  private static PrintWriter utf8(OutputStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }

  /** Runs one command line in this process; the tests' entry point. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(Environment.system(), out, err, args);
  }

  public static int run(Environment environment, PrintWriter out, PrintWriter err, String... args) {
    Integer quickGet = QuickGet.run(environment, out, err, args);
    if (quickGet != null) {
      return quickGet;
    }
    Class<?> quick = args.length > 0 ? QUICK.get(args[0]) : null;
    CommandLine cli =
        quick == null ? commandLine(environment) : commandLine(environment, List.of(quick));
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  /** The command model, also used to generate the completion scripts. */
  public static CommandLine commandLine(Environment environment) {
    return commandLine(environment, COMMANDS);
  }

  private static CommandLine commandLine(Environment environment, List<Class<?>> commands) {
    CommandLine cli = new CommandLine(new Jobs(environment));
    for (Class<?> command : commands) {
      cli.addSubcommand(command);
    }
    cli.setExecutionExceptionHandler(Jobs::handle);
    cli.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine command = e.getCommandLine();
          command
              .getErr()
              .println(
                  "jobs: "
                      + e.getMessage()
                      + " (see: "
                      + command.getCommandSpec().qualifiedName()
                      + " --help)");
          return ExitCode.USAGE;
        });
    return cli;
  }

  /** The environment of the running command line, for any command to reach. */
  public static Environment environment(CommandSpec spec) {
    return ((Jobs) spec.root().userObject()).environment;
  }

  private static int handle(Exception e, CommandLine command, ParseResult parseResult) {
    return report(e, command.getErr(), verbose(parseResult));
  }

  /** Prints a failure as one line (and the stack with --verbose); answers the exit code. */
  static int report(Exception e, PrintWriter err, boolean verbose) {
    if (e instanceof JobsException jobs) {
      err.println("jobs: " + jobs.getMessage());
      if (verbose) {
        e.printStackTrace(err);
      }
      return jobs.exitCode();
    }
    err.println(
        "jobs: unexpected "
            + e.getClass().getSimpleName()
            + ": "
            + e.getMessage()
            + (verbose ? "" : " (run with --verbose for details)"));
    if (verbose) {
      e.printStackTrace(err);
    }
    return ExitCode.ERROR;
  }

  private static boolean verbose(ParseResult parseResult) {
    for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
      if (result.hasMatchedOption("--verbose") || result.hasMatchedOption("--debug")) {
        return true;
      }
      if (!result.hasSubcommand()) {
        break;
      }
    }
    return false;
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Jobs.class.getPackage().getImplementationVersion();
      return new String[] {"jobs " + (version == null ? "dev" : version)};
    }
  }
}
