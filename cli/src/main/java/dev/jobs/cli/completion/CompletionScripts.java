package dev.jobs.cli.completion;

import dev.jobs.cli.CommandModel;
import dev.jobs.cli.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The completion scripts as files, generated from the command model. The build runs {@link #main}
 * to write them; a test fails when the committed copies drift.
 */
public final class CompletionScripts {
  public static final String BASH_FILE = "jobs.bash";
  public static final String ZSH_FILE = "_jobs";

  private CompletionScripts() {}

  public static String bash() {
    return CompletionCommand.script(
        CompletionCommand.Shell.bash, CommandModel.commandLine(Environment.system()));
  }

  public static String zsh() {
    return CompletionCommand.script(
        CompletionCommand.Shell.zsh, CommandModel.commandLine(Environment.system()));
  }

  /** Writes both scripts into the directory given as the only argument. */
  public static void main(String... args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "completion");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(BASH_FILE), bash(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(ZSH_FILE), zsh(), StandardCharsets.UTF_8);
  }
}
