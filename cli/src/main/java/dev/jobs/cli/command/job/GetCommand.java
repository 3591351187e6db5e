package dev.jobs.cli.command.job;

import dev.jobs.cli.command.TargetedCommand;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.output.JobPrinter;
import dev.jobs.cli.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code jobs get ID}: one job's record. */
@Command(
    name = "get",
    aliases = "status",
    description =
        "Show a job: status, progress, timings, and its result or error. Exit 6 if unknown.")
public final class GetCommand extends TargetedCommand {

  @Parameters(paramLabel = "ID", description = "The job id that submit printed.")
  String id;

  GetCommand(Environment environment) {
    super(environment);
  }

  @Override
  public Integer call() {
    return show(session(), id);
  }

  /** Prints the job; also the whole of {@code jobs get} on the quick path. */
  public static int show(Session session, String id) {
    var response = session.api().get(id);
    if (!response.found()) {
      throw new JobsException(ExitCode.NOT_FOUND, "job " + id + " not found");
    }
    session
        .printer()
        .print(JobPrinter.parse(response.body(), session.environment().clock().instant()));
    return ExitCode.OK;
  }
}
