package dev.jobs.cli.command.job;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.command.TargetedCommand;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.logs.JobLog;
import dev.jobs.cli.logs.LogEvent;
import dev.jobs.cli.logs.LogWindow;
import dev.jobs.cli.options.TimeSpec;
import dev.jobs.cli.output.Poller;
import dev.jobs.cli.session.Session;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jobs logs ID}: what a job wrote to its log, from the stack's log groups (CloudWatch Logs
 * {@code FilterLogEvents} with the operator's own credentials; the local runtime serves the same
 * calls).
 */
@Command(
    name = "logs",
    description = {
      "Show what a job wrote to its log, every attempt, in time order: time, attempt, level and"
          + " message per line; with --output json, each stored JSON event on a line.",
      "Reads the stack's log groups with CloudWatch Logs FilterLogEvents, with your own"
          + " credentials. Exit 6 if the job is unknown.",
      "With --follow, prints new lines as they come until the job ends, then exits as jobs wait"
          + " does: 0 if it SUCCEEDED, 3 if it FAILED, 8 if it was CANCELLED."
    })
public final class LogsCommand extends TargetedCommand {
  /** How often --follow reads: a line shows within about this long of its writing. */
  static final Duration FOLLOW_INTERVAL = Duration.ofSeconds(1);

  /**
   * How far back each --follow read starts before the newest line seen: CloudWatch Logs may take
   * seconds to make a line searchable, so a later read can find an earlier line.
   */
  static final Duration FOLLOW_OVERLAP = Duration.ofMinutes(1);

  @Parameters(paramLabel = "ID", description = "The job id that submit printed.")
  String id;

  @Option(
      names = "--attempt",
      paramLabel = "N",
      description = "Only this attempt's lines (1 for the first).")
  Integer attempt;

  @Option(
      names = {"-f", "--follow"},
      description =
          "Keep printing new lines until the job ends; exit with the job's code as jobs wait does.")
  boolean follow;

  @Option(
      names = "--since",
      paramLabel = "TIME",
      converter = TimeSpec.Converter.class,
      description = "Only lines from this time: an ISO-8601 instant or a duration ago (90m, 2h).")
  TimeSpec since;

  LogsCommand(Environment environment) {
    super(environment);
  }

  @Override
  public Integer call() {
    if (attempt != null && attempt < 1) {
      throw new JobsException(ExitCode.USAGE, "--attempt must be 1 or more, not " + attempt);
    }
    Session session = session();
    List<String> groups = session.settings().target().logGroupNames();
    if (groups.isEmpty()) {
      throw new JobsException(
          ExitCode.ERROR,
          "target "
              + session.settings().name()
              + " knows no ProcessingLogGroupName output: its stack predates jobs logs; run jobs"
              + " deploy (or jobs target add again after a deploy)");
    }
    Instant from = since == null ? null : since.resolve(environment.clock().instant());
    JobPage.Job record = record(session);
    JobLog log = new JobLog(session.logs(), groups, id, attempt);
    Printed printed = new Printed(session.out(), session.json());
    if (!follow) {
      LogWindow window = LogWindow.of(record, environment.clock().instant(), from);
      printed.all(log.read(window.start(), window.end()));
      return ExitCode.OK;
    }
    JobPage.Job last =
        Poller.every(environment.clock(), environment.sleeper(), FOLLOW_INTERVAL)
            .awaitOrStop(
                waited -> follow(session, log, printed, from),
                "job " + id + " goes on. Resume with: jobs logs --follow " + id,
                session.err());
    return WaitOptions.exitCode(last.status());
  }

  /** One read of --follow: the new lines, and the record once the job has ended. */
  private Optional<JobPage.Job> follow(Session session, JobLog log, Printed printed, Instant from) {
    // The record first: a job that ended before this read has written all its lines by now.
    JobPage.Job record = record(session);
    LogWindow window = LogWindow.of(record, environment.clock().instant(), from);
    Instant start =
        printed.newest == null || printed.newest.minus(FOLLOW_OVERLAP).isBefore(window.start())
            ? window.start()
            : printed.newest.minus(FOLLOW_OVERLAP);
    printed.all(log.read(start, window.end()));
    return record.finished() ? Optional.of(record) : Optional.empty();
  }

  private JobPage.Job record(Session session) {
    var response = session.api().get(id);
    if (!response.found()) {
      throw new JobsException(ExitCode.NOT_FOUND, "job " + id + " not found");
    }
    return JobPage.Job.parse(response.body());
  }

  /** The lines printed so far, by event id: --follow reads a line more than once. */
  private static final class Printed {
    private final PrintWriter out;
    private final boolean json;
    private final Set<String> ids = new HashSet<>();
    private Instant newest;

    Printed(PrintWriter out, boolean json) {
      this.out = out;
      this.json = json;
    }

    void all(List<LogEvent> events) {
      for (LogEvent event : events) {
        if (event.eventId() != null && !ids.add(event.eventId())) {
          continue;
        }
        if (json) {
          out.println(event.json());
        } else {
          event.print(out);
        }
        if (newest == null || event.time().isAfter(newest)) {
          newest = event.time();
        }
      }
      out.flush();
    }
  }
}
