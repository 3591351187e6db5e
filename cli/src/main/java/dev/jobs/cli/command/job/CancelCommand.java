package dev.jobs.cli.command.job;

import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.command.TargetedCommand;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.options.Durations;
import dev.jobs.cli.output.Answer;
import dev.jobs.cli.output.CancelWaiter;
import dev.jobs.cli.output.Cancellation;
import dev.jobs.cli.output.Poller;
import dev.jobs.cli.output.ProgressLine;
import dev.jobs.cli.session.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code jobs cancel ID...}: asks jobs to stop, and with {@code --wait} waits until they have. */
@Command(
    name = "cancel",
    description = {
      "Cancel jobs (signed POST /jobs/{id}/cancel): a RUNNING job stops at its next check, a job"
          + " not started yet never runs. One line per id.",
      "Exit 0 when every job is cancelled (with --wait: ended CANCELLED), 3 when one had ended"
          + " or ended otherwise (SUCCEEDED, FAILED: nothing changed), 4 on timeout."
    })
public final class CancelCommand extends TargetedCommand {
  /**
   * The first pause of {@code --wait}: a job stops within about a second of its cancel, so the
   * first polls come soon; they back off as for any wait, to {@link #LONGEST_PAUSE}, for a job that
   * ignores the cancel and runs on.
   */
  static final Duration FIRST_PAUSE = Duration.ofMillis(500);

  static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

  @Parameters(paramLabel = "ID", arity = "1..*", description = "The ids of the jobs to cancel.")
  List<String> ids;

  @Option(
      names = "--wait",
      description =
          "Wait until each RUNNING job has stopped (CANCELLED) or ended otherwise, and show how.")
  boolean await;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30m",
      description =
          "With --wait: give up waiting after this long (exit 4); the cancel stands."
              + " Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  CancelCommand(Environment environment) {
    super(environment);
  }

  @Override
  public Integer call() {
    // Every id checked before the first call: a mistake cancels nothing.
    for (String id : ids) {
      if (!JobsClient.isJobId(id)) {
        throw new JobsException(ExitCode.USAGE, JobsClient.notAJobId(id));
      }
    }
    if (!await && spec.commandLine().getParseResult().hasMatchedOption("--timeout")) {
      throw new JobsException(ExitCode.USAGE, "--timeout goes with --wait");
    }
    Durations.notNegative("--timeout", timeout);
    Session session = session();
    List<Cancellation> cancels = new ArrayList<>();
    for (String id : new LinkedHashSet<>(ids)) {
      cancels.add(Cancellation.of(id, session.api().cancel(id)));
    }
    if (await) {
      Poller poller =
          Poller.backingOff(session.environment(), FIRST_PAUSE, LONGEST_PAUSE)
              .showing(
                  new ProgressLine(
                      session.err(), session.output().progress(session.environment())));
      cancels = CancelWaiter.await(poller, session.api(), timeout, cancels, session.err());
    }
    List<Cancellation> done = cancels;
    session
        .printer()
        .print(
            Answer.of(
                () -> json(done),
                out -> done.forEach(cancel -> out.println(cancel.status())),
                out -> done.forEach(cancel -> out.println(cancel.line()))));
    return done.stream().allMatch(cancel -> cancel.cancelled(await))
        ? ExitCode.OK
        : ExitCode.JOB_FAILED;
  }

  /** One document: {@code {"jobs": [{"id", "outcome", "status", "record" or "message"}, ...]}}. */
  private static ObjectNode json(List<Cancellation> cancels) {
    ObjectNode root = Json.mapper().createObjectNode();
    ArrayNode jobs = root.putArray("jobs");
    cancels.forEach(cancel -> jobs.add(cancel.json()));
    return root;
  }
}
