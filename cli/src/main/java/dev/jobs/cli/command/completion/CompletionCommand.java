package dev.jobs.cli.command.completion;

import dev.jobs.cli.completion.CompletionScripts;
import dev.jobs.cli.core.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jobs completion bash|zsh}: prints the completion script. */
@Command(
    name = "completion",
    description = {
      "Print the completion script for bash or zsh. It also defines `jobs` as a shell function,",
      "since the shell's own `jobs` builtin would run first: `jobs submit` runs the tool, while",
      "`jobs`, `jobs -l` and `jobs %1` still list the shell's background jobs.",
      "Load it from ~/.bashrc with: source <(env jobs completion bash)",
      "(from ~/.zshrc: source <(env jobs completion zsh))"
    })
public final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "${COMPLETION-CANDIDATES}")
  CompletionScripts.Shell shell;

  @Override
  public Integer call() {
    // The running command line is the whole model: completion is not one of the quick commands.
    spec.commandLine().getOut().print(CompletionScripts.script(shell, spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
