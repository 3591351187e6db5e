package dev.jobs.cli.command.job;

import dev.jobs.cli.command.TargetedCommand;
import dev.jobs.cli.core.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code jobs wait ID}: polls until the job ends. */
@Command(
    name = "wait",
    description = {
      "Wait for a job to end and show it: a QUEUED job is waited for as a RUNNING one.",
      "Exit 0 if it SUCCEEDED, 3 if it FAILED, 8 if it was CANCELLED, 4 on timeout, 6 if the id"
          + " stays unknown past the grace period.",
      "On a terminal, a job that reports progress shows it as a bar, with the time it has run and"
          + " an estimate of the time left. Ctrl-C stops the wait, never the job (jobs cancel"
          + " does)."
    })
public final class WaitCommand extends TargetedCommand {
  @Mixin WaitOptions waiting;

  @Parameters(paramLabel = "ID", description = "The job id that submit printed.")
  String id;

  WaitCommand(Environment environment) {
    super(environment);
  }

  @Override
  public Integer call() {
    waiting.check();
    return waiting.awaitAndPrint(session(), id);
  }
}
