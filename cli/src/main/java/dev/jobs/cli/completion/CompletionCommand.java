package dev.jobs.cli.completion;

import dev.jobs.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jobs completion bash|zsh}: prints the completion script. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print the completion script for bash or zsh.",
      "Load it with: source <(jobs completion bash)"
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
    spec.commandLine()
        .getOut()
        .print(shell == Shell.bash ? CompletionScripts.bash() : CompletionScripts.zsh());
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
