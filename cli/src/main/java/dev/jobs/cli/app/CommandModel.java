package dev.jobs.cli.app;

import dev.jobs.cli.command.completion.CompleteCommand;
import dev.jobs.cli.command.completion.CompletionCommand;
import dev.jobs.cli.command.deploy.DeployCommand;
import dev.jobs.cli.command.deploy.DestroyCommand;
import dev.jobs.cli.command.init.InitCommand;
import dev.jobs.cli.command.job.GetCommand;
import dev.jobs.cli.command.job.ListCommand;
import dev.jobs.cli.command.job.SubmitCommand;
import dev.jobs.cli.command.job.WaitCommand;
import dev.jobs.cli.command.local.LocalCommand;
import dev.jobs.cli.command.monitor.AlarmsCommand;
import dev.jobs.cli.command.monitor.StatsCommand;
import dev.jobs.cli.command.replay.ReplayCommand;
import dev.jobs.cli.command.replay.ReplaysCommand;
import dev.jobs.cli.command.target.TargetCommand;
import dev.jobs.cli.core.Environment;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code jobs} command: its subcommands, its handlers and how one command line runs. The entry
 * point ({@code Jobs}), the completion scripts and the class-data training build on it; the
 * commands get their {@link Environment} from its {@link CommandFactory}, so none reaches back
 * here.
 */
@Command(
    name = "jobs",
    // Subcommands inherit the version and the exit-code list, so each --help shows the codes.
    scope = CommandLine.ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = CommandModel.Version.class,
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
public final class CommandModel {
  /** The subcommands, in the order {@code --help} lists them. */
  static final List<Class<?>> COMMANDS =
      List.of(
          SubmitCommand.class,
          GetCommand.class,
          ListCommand.class,
          WaitCommand.class,
          StatsCommand.class,
          AlarmsCommand.class,
          ReplayCommand.class,
          ReplaysCommand.class,
          TargetCommand.class,
          LocalCommand.class,
          InitCommand.class,
          DeployCommand.class,
          DestroyCommand.class,
          CompletionCommand.class,
          CompleteCommand.class,
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

  private CommandModel() {}

  /** Runs one command line in this process, as the {@code jobs} program does. */
  public static int run(Environment environment, PrintWriter out, PrintWriter err, String... args) {
    // The quick commands have no subcommands of their own: their path is one word.
    String subcommand = GlobalOptions.subcommand(args);
    Class<?> quick = subcommand == null ? null : QUICK.get(subcommand);
    if (quick != null) {
      GlobalOptions.Moved moved = GlobalOptions.moveAfterSubcommand(args, path -> Set.of());
      // get declares every global option (GlobalOptionsTest checks), so none needs checking here.
      Integer quickGet = QuickGet.run(environment, out, err, moved.args());
      if (quickGet != null) {
        return quickGet;
      }
      return execute(commandLine(environment, List.of(quick)), out, err, moved);
    }
    CommandLine cli = commandLine(environment);
    return execute(
        cli, out, err, GlobalOptions.moveAfterSubcommand(args, path -> subcommands(cli, path)));
  }

  private static int execute(
      CommandLine cli, PrintWriter out, PrintWriter err, GlobalOptions.Moved moved) {
    cli.setOut(out);
    cli.setErr(err);
    CommandLine command = command(cli, moved.path());
    if (command != null) {
      for (String option : moved.options()) {
        if (command.getCommandSpec().findOption(option) == null) {
          // As picocli tells an unknown option after the subcommand, naming that one's --help.
          return new FailureReport()
              .handleParseException(
                  new CommandLine.UnmatchedArgumentException(command, List.of(option)),
                  moved.args());
        }
      }
    }
    return cli.execute(moved.args());
  }

  /** The command at the end of a path of subcommand names, or null when one is no subcommand. */
  private static CommandLine command(CommandLine root, List<String> path) {
    CommandLine command = root;
    for (String name : path) {
      command = command.getSubcommands().get(name);
      if (command == null) {
        return null;
      }
    }
    return command;
  }

  /** The names of the subcommands under a path of subcommand names. */
  private static Set<String> subcommands(CommandLine root, List<String> path) {
    CommandLine command = command(root, path);
    return command == null ? Set.of() : command.getSubcommands().keySet();
  }

  /** The whole command model, also used to generate the completion scripts. */
  public static CommandLine commandLine(Environment environment) {
    return commandLine(environment, COMMANDS);
  }

  private static CommandLine commandLine(Environment environment, List<Class<?>> commands) {
    CommandLine cli = new CommandLine(new CommandModel(), new CommandFactory(environment));
    for (Class<?> command : commands) {
      cli.addSubcommand(command);
    }
    FailureReport failures = new FailureReport();
    cli.setExecutionExceptionHandler(failures);
    cli.setParameterExceptionHandler(failures);
    return cli;
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = CommandModel.class.getPackage().getImplementationVersion();
      return new String[] {"jobs " + (version == null ? "dev" : version)};
    }
  }
}
