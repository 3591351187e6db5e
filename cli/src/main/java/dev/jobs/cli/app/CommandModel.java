package dev.jobs.cli.app;

import dev.jobs.cli.command.completion.CompleteCommand;
import dev.jobs.cli.command.completion.CompletionCommand;
import dev.jobs.cli.command.console.ConsoleCommand;
import dev.jobs.cli.command.deploy.DeployCommand;
import dev.jobs.cli.command.deploy.DestroyCommand;
import dev.jobs.cli.command.init.InitCommand;
import dev.jobs.cli.command.job.CancelCommand;
import dev.jobs.cli.command.job.GetCommand;
import dev.jobs.cli.command.job.ListCommand;
import dev.jobs.cli.command.job.LogsCommand;
import dev.jobs.cli.command.job.RedriveCommand;
import dev.jobs.cli.command.job.SubmitCommand;
import dev.jobs.cli.command.job.WaitCommand;
import dev.jobs.cli.command.local.LocalCommand;
import dev.jobs.cli.command.monitor.AlarmsCommand;
import dev.jobs.cli.command.monitor.StatsCommand;
import dev.jobs.cli.command.replay.ReplayCommand;
import dev.jobs.cli.command.replay.ReplaysCommand;
import dev.jobs.cli.command.target.TargetCommand;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.options.Durations;
import dev.jobs.cli.options.OutputOptions;
import dev.jobs.cli.options.TargetOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
      "7:the job id exists with other parameters (submit --id)",
      "8:the job was CANCELLED (for wait and submit --wait)",
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
          CancelCommand.class,
          LogsCommand.class,
          RedriveCommand.class,
          StatsCommand.class,
          AlarmsCommand.class,
          ConsoleCommand.class,
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

  /**
   * The global options, declared once in the mixins the subcommands take too; see {@link
   * GlobalOptions}.
   */
  @Mixin TargetOptions target = new TargetOptions();

  @Mixin OutputOptions output = new OutputOptions();

  /** Runs one command line in this process, as the {@code jobs} program does. */
  public static int run(Environment environment, PrintWriter out, PrintWriter err, String... args) {
    CommandLine root = root(environment);
    // The quick commands have no subcommands of their own: their path is one word.
    Class<?> quick =
        QUICK.get(String.valueOf(GlobalOptions.subcommand(root.getCommandSpec(), args)));
    if (quick != null) {
      return execute(withSubcommands(root, List.of(quick)), out, err, args);
    }
    return execute(withSubcommands(root, COMMANDS), out, err, args);
  }

  private static int execute(CommandLine cli, PrintWriter out, PrintWriter err, String... args) {
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  /** The whole command model, also used to generate the completion scripts. */
  public static CommandLine commandLine(Environment environment) {
    return commandLine(environment, COMMANDS);
  }

  private static CommandLine commandLine(Environment environment, List<Class<?>> commands) {
    return withSubcommands(root(environment), commands);
  }

  /** The root command alone, with its handlers: enough to read the global options. */
  private static CommandLine root(Environment environment) {
    CommandLine cli = new CommandLine(new CommandModel(), new CommandFactory(environment));
    FailureReport failures = new FailureReport();
    cli.setExecutionExceptionHandler(failures);
    cli.setParameterExceptionHandler(failures);
    CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
    cli.setExecutionStrategy(
        parsed -> {
          GlobalOptions.handDown(parsed);
          return run.execute(parsed);
        });
    return cli;
  }

  private static CommandLine withSubcommands(CommandLine root, List<Class<?>> commands) {
    for (Class<?> command : commands) {
      // Built by a CommandLine of its own, not by addSubcommand(Class): only the constructor
      // applies a command's modelTransformer (WindowOptions.Words words the window per command).
      root.addSubcommand(new CommandLine(command, root.getFactory()));
    }
    GlobalOptions.acceptBetweenSubcommandWords(root);
    // Every duration option reads durations as people type them (90s, 5m), declared once here.
    root.registerConverter(Duration.class, new Durations.Converter());
    return root;
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
