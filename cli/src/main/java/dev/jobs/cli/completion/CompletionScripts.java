package dev.jobs.cli.completion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * The completion scripts, generated from a command model: printed by {@code jobs completion}, and
 * written as files by the build (a test fails when the committed copies drift).
 */
public final class CompletionScripts {
  public static final String BASH_FILE = "jobs.bash";
  public static final String ZSH_FILE = "_jobs";

  /** The shells with a script. */
  public enum Shell {
    bash,
    zsh
  }

  private CompletionScripts() {}

  /**
   * The script for a shell, generated from the command model by picocli's {@code AutoComplete}.
   * Picocli's script serves zsh too, through zsh's bash-completion emulation (it loads {@code
   * bashcompinit} itself); the header lets zsh find it on the {@code fpath}. Both define the {@code
   * jobs} function ({@link ShellFunction}), which the completion then serves as it would the
   * program.
   */
  public static String script(Shell shell, CommandLine model) {
    String bash =
        Candidates.atTabTime(AutoComplete.bash("jobs", model)) + ShellFunction.of(shell, model);
    return switch (shell) {
      case bash -> bash;
      case zsh ->
          "#compdef jobs\n"
              + "# zsh completion for jobs: source this file (e.g. from ~/.zshrc).\n"
              + bash;
    };
  }

  /** Writes both scripts into a directory. */
  public static void write(Path dir, CommandLine model) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(BASH_FILE), script(Shell.bash, model), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(ZSH_FILE), script(Shell.zsh, model), StandardCharsets.UTF_8);
  }
}
