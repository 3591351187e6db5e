package dev.jobs.cli.command.job;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.logs.FailedTail;
import dev.jobs.cli.options.Durations;
import dev.jobs.cli.output.JobPrinter;
import dev.jobs.cli.output.JobWaiter;
import dev.jobs.cli.output.Poller;
import dev.jobs.cli.output.ProgressLine;
import dev.jobs.cli.session.Session;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** How {@code wait} and {@code submit --wait} poll. */
public final class WaitOptions {
  static final Duration LONGEST_INTERVAL = Duration.ofSeconds(15);

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30m",
      description =
          "Give up waiting after this long (exit 4); the job goes on. Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      defaultValue = "1s",
      description =
          "First pause between polls; it grows 1.5 times per poll up to 15s. Default: ${DEFAULT-VALUE}.")
  Duration interval;

  @Option(
      names = "--grace",
      paramLabel = "DURATION",
      defaultValue = "2m",
      description =
          "How long an unknown id counts as queued before it is not found (exit 6). Default: ${DEFAULT-VALUE}.")
  Duration grace;

  /** The flags' ranges, checked before the command does anything (submit: before it submits). */
  void check() {
    if (interval.isZero() || interval.isNegative()) {
      throw new JobsException(
          ExitCode.USAGE, "--interval must be positive, not " + Durations.format(interval));
    }
    Durations.notNegative("--timeout", timeout);
    Durations.notNegative("--grace", grace);
  }

  /** Waits for the job, prints its record, and answers the exit code its status calls for. */
  int awaitAndPrint(Session session, String id) {
    check();
    Poller poller =
        Poller.backingOff(session.environment(), interval, LONGEST_INTERVAL)
            .showing(
                new ProgressLine(session.err(), session.output().progress(session.environment())));
    JobPrinter.Job job = JobWaiter.await(poller, session.api(), id, timeout, grace, session.err());
    session.printer().print(job);
    if ("FAILED".equals(job.status()) && !session.printer().json() && !session.printer().quiet()) {
      FailedTail.print(
          session.out(),
          session::logs,
          logGroups(session),
          job.record(),
          session.environment().clock().instant());
    }
    return exitCode(job.status());
  }

  /** The target's log groups; none when flags alone name the target, or its stack is older. */
  private static List<String> logGroups(Session session) {
    try {
      return session.settings().target().logGroupNames();
    } catch (JobsException e) {
      return List.of();
    }
  }

  /** 0 for a job that SUCCEEDED, 8 for one CANCELLED, else 3: it FAILED. */
  static int exitCode(String status) {
    return switch (status) {
      case "SUCCEEDED" -> ExitCode.OK;
      case "CANCELLED" -> ExitCode.CANCELLED;
      default -> ExitCode.JOB_FAILED;
    };
  }
}
