package dev.jobs.cli.app;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The options people type before the subcommand, as with {@code aws --profile p s3 ls}. The root
 * command mixes in the same mixins the subcommands do ({@code TargetOptions}, {@code
 * OutputOptions}): so these options are declared once, and picocli parses them on either side of
 * the subcommand, between its words too ({@code jobs local -q start}). The subcommand that runs
 * then receives those given above it, as if typed after it; one it does not take is a usage error
 * naming it, as any unknown option.
 */
final class GlobalOptions {
  private GlobalOptions() {}

  /** The root's own options, help and version aside: the global options. */
  static List<OptionSpec> of(CommandSpec root) {
    List<OptionSpec> global = new ArrayList<>();
    for (OptionSpec option : root.options()) {
      if (!option.usageHelp() && !option.versionHelp()) {
        global.add(option);
      }
    }
    return global;
  }

  /**
   * Lets every command between the root and a subcommand that runs take the global options too,
   * unlisted in its help: {@code jobs local -q start}. They write where the root's do.
   */
  static void acceptBetweenSubcommandWords(CommandLine root) {
    List<OptionSpec> global = of(root.getCommandSpec());
    for (CommandLine command : root.getSubcommands().values()) {
      addHidden(command, global);
    }
  }

  private static void addHidden(CommandLine command, List<OptionSpec> global) {
    if (command.getSubcommands().isEmpty()) {
      return;
    }
    CommandSpec spec = command.getCommandSpec();
    for (OptionSpec option : global) {
      if (spec.findOption(option.longestName()) == null) {
        spec.addOption(option.toBuilder().hidden(true).build());
      }
    }
    for (CommandLine sub : command.getSubcommands().values()) {
      addHidden(sub, global);
    }
  }

  /**
   * The subcommand a command line names: its first word that is neither a global option nor such an
   * option's value, read with the root's model; null when there is none, or an unknown option comes
   * first (picocli then tells it).
   */
  static String subcommand(CommandSpec root, String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("-")) {
        return arg;
      }
      int equals = arg.indexOf('=');
      OptionSpec option = root.findOption(equals > 0 ? arg.substring(0, equals) : arg);
      if (option == null) {
        return null;
      }
      if (equals < 0 && option.arity().max() > 0) {
        i++;
      }
    }
    return null;
  }

  /**
   * Hands the global options given above the subcommand that runs to that subcommand's own, as if
   * typed after it.
   *
   * @throws CommandLine.ParameterException when the subcommand does not take one (an unknown
   *     option), or it was given on both sides
   */
  static void handDown(ParseResult parsed) {
    List<ParseResult> path = new ArrayList<>();
    for (ParseResult level = parsed; level != null; level = level.subcommand()) {
      path.add(level);
    }
    ParseResult leaf = path.get(path.size() - 1);
    if (path.size() == 1) {
      return;
    }
    CommandLine command = leaf.commandSpec().commandLine();
    for (ParseResult level : path.subList(0, path.size() - 1)) {
      for (OptionSpec given : level.matchedOptions()) {
        if (given.usageHelp() || given.versionHelp()) {
          continue;
        }
        OptionSpec taken = leaf.commandSpec().findOption(given.longestName());
        if (taken == null) {
          throw new CommandLine.UnmatchedArgumentException(
              command, List.of(typedName(given, parsed.originalArgs())));
        }
        if (leaf.hasMatchedOption(taken)) {
          if (taken.arity().max() > 0) {
            // As picocli says it for an option given twice after the subcommand.
            throw new CommandLine.OverwrittenOptionException(
                command,
                taken,
                "option '"
                    + taken.longestName()
                    + "' ("
                    + taken.paramLabel()
                    + ") should be specified only once");
          }
          continue;
        }
        taken.setValue(given.getValue());
      }
    }
  }

  /** The name the option was typed with ({@code -q} or {@code --quiet}). */
  private static String typedName(OptionSpec option, List<String> args) {
    for (String arg : args) {
      for (String name : option.names()) {
        if (arg.equals(name) || arg.startsWith(name + "=")) {
          return name;
        }
      }
    }
    return option.longestName();
  }
}
