package dev.jobs.cli.completion;

import dev.jobs.cli.Environment;
import dev.jobs.cli.Jobs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;

/**
 * The completion scripts, generated from the command model by picocli's {@code AutoComplete}. The
 * build runs {@link #main} to write them; a test fails when the committed copies drift.
 */
public final class CompletionScripts {
  public static final String BASH_FILE = "jobs.bash";
  public static final String ZSH_FILE = "_jobs";

  private CompletionScripts() {}

  public static String bash() {
    return AutoComplete.bash("jobs", Jobs.commandLine(Environment.system()));
  }

  /**
   * Picocli's script serves zsh too, through zsh's bash-completion emulation (it loads {@code
   * bashcompinit} itself); the header lets zsh find it on the {@code fpath}.
   */
  public static String zsh() {
    return "#compdef jobs\n"
        + "# zsh completion for jobs: source this file (e.g. from ~/.zshrc).\n"
        + bash();
  }

  /** Writes both scripts into the directory given as the only argument. */
  public static void main(String... args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "completion");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(BASH_FILE), bash(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(ZSH_FILE), zsh(), StandardCharsets.UTF_8);
  }
}
