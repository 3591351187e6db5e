package dev.jobs.cli.app;

import dev.jobs.cli.completion.CompletionScripts;
import dev.jobs.cli.core.Environment;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The completion scripts of the whole command model, as the build writes them ({@link #main}) and
 * the drift test reads them.
 */
public final class CompletionFiles {
  private CompletionFiles() {}

  public static String bash() {
    return CompletionScripts.script(
        CompletionScripts.Shell.bash, CommandModel.commandLine(Environment.system()));
  }

  public static String zsh() {
    return CompletionScripts.script(
        CompletionScripts.Shell.zsh, CommandModel.commandLine(Environment.system()));
  }

  /** Writes both scripts into the directory given as the only argument. */
  public static void main(String... args) throws IOException {
    CompletionScripts.write(
        Path.of(args.length > 0 ? args[0] : "completion"),
        CommandModel.commandLine(Environment.system()));
  }
}
