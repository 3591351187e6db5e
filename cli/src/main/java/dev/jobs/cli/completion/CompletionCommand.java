package dev.jobs.cli.completion;

import dev.jobs.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jobs completion bash|zsh}: prints the completion script. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print the completion script for bash or zsh. It also defines `jobs` as a shell function,",
      "since the shell's own `jobs` builtin would run first: `jobs submit` runs the tool, while",
      "`jobs`, `jobs -l` and `jobs %1` still list the shell's background jobs.",
      "Load it from ~/.bashrc with: source <(env jobs completion bash)",
      "(from ~/.zshrc: source <(env jobs completion zsh))"
    })
public final class CompletionCommand implements Callable<Integer> {
  /** The shells with a script. */
  public enum Shell {
    bash,
    zsh
  }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "${COMPLETION-CANDIDATES}")
  Shell shell;

  @Override
  public Integer call() {
    // The running command line is the whole model: completion is not one of the quick commands.
    spec.commandLine().getOut().print(script(shell, spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }

  /**
   * The script for a shell, generated from the command model by picocli's {@code AutoComplete}.
   * Picocli's script serves zsh too, through zsh's bash-completion emulation (it loads {@code
   * bashcompinit} itself); the header lets zsh find it on the {@code fpath}. Both define the {@code
   * jobs} function ({@link ShellFunction}), which the completion then serves as it would the
   * program.
   */
  static String script(Shell shell, CommandLine model) {
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
}
