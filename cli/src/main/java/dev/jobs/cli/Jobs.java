package dev.jobs.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jobs} command: run long jobs behind a REST API, on AWS or on this machine. */
@Command(
    name = "jobs",
    mixinStandardHelpOptions = true,
    versionProvider = Jobs.Version.class,
    description = "Run long jobs behind a REST API, on AWS or on this machine.",
    subcommands = {CommandLine.HelpCommand.class, dev.jobs.cli.local.LocalCommand.class},
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
  public static void main(String... args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs one command line in this process; the tests' entry point. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Jobs());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof JobsException jobs) {
            commandLine.getErr().println("jobs: " + jobs.getMessage());
            return jobs.exitCode();
          }
          commandLine.getErr().println("jobs: " + e);
          return ExitCode.ERROR;
        });
    return cli.execute(args);
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
