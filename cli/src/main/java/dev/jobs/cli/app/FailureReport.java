package dev.jobs.cli.app;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How a command line that failed is told: one line on stderr (the stack only with {@code
 * --verbose}), and the exit code. Picocli's handlers for both kinds of failure, and what {@code
 * QuickCommands} uses where picocli does not run.
 */
public final class FailureReport
    implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

  /** A failure while running a command: its exit code comes from the exception. */
  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
    return print(e, command.getErr(), verbose(parseResult));
  }

  /** A command line that does not parse: a usage error, with where to read the usage. */
  @Override
  public int handleParseException(ParameterException e, String[] args) {
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
  }

  /** Prints a failure as one line (and the stack with --verbose); answers the exit code. */
  public static int print(Exception e, PrintWriter err, boolean verbose) {
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
}
