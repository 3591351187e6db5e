package dev.jobs.cli.testing;

import dev.jobs.cli.app.CommandModel;
import dev.jobs.cli.core.Environment;
import picocli.CommandLine.ParseResult;

/** The command object picocli fills from a command line, for tests of what a command was given. */
public final class ParsedCommand {
  private ParsedCommand() {}

  /** The innermost command of {@code args}, as {@code jobs} would parse it, run nothing. */
  public static <T> T of(Class<T> type, String... args) {
    ParseResult result = CommandModel.commandLine(Environment.system()).parseArgs(args);
    while (result.hasSubcommand()) {
      result = result.subcommand();
    }
    return type.cast(result.commandSpec().userObject());
  }
}
