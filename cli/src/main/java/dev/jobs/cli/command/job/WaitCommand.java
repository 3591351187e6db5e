package dev.jobs.cli.command.job;

import dev.jobs.cli.core.Environment;
import dev.jobs.cli.options.OutputOptions;
import dev.jobs.cli.options.TargetOptions;
import dev.jobs.cli.session.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jobs wait ID}: polls until the job ends. */
@Command(
    name = "wait",
    mixinStandardHelpOptions = true,
    description = {
      "Wait for a job to end and show it.",
      "Exit 0 if it SUCCEEDED, 3 if it FAILED, 4 on timeout, 6 if the id stays unknown past the"
          + " grace period."
    })
public final class WaitCommand implements Callable<Integer> {
  private final Environment environment;

  @Spec CommandSpec spec;
  @Mixin TargetOptions target;
  @Mixin OutputOptions output;
  @Mixin WaitOptions waiting;

  @Parameters(paramLabel = "ID", description = "The job id that submit printed.")
  String id;

  WaitCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    waiting.check();
    return waiting.awaitAndPrint(Session.of(environment, spec, target, output), id);
  }
}
