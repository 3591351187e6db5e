package dev.jobs.cli.command.job;

import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.options.OutputOptions;
import dev.jobs.cli.options.TargetOptions;
import dev.jobs.cli.output.JobPrinter;
import dev.jobs.cli.session.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jobs get ID}: one job's record. */
@Command(
    name = "get",
    aliases = "status",
    mixinStandardHelpOptions = true,
    description = "Show a job: status, timings, and its result or error. Exit 6 if unknown.")
public final class GetCommand implements Callable<Integer> {
  private final Environment environment;

  @Spec CommandSpec spec;
  @Mixin TargetOptions target;
  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ID", description = "The job id that submit printed.")
  String id;

  GetCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    return show(Session.of(environment, spec, target, output), id);
  }

  /** Prints the job; also the whole of {@code jobs get} on the quick path. */
  public static int show(Session session, String id) {
    var response = session.api().get(id);
    if (!response.found()) {
      throw new JobsException(ExitCode.NOT_FOUND, "job " + id + " not found");
    }
    session.printer().print(JobPrinter.parse(response.body()));
    return ExitCode.OK;
  }
}
