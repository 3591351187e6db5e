package dev.jobs.cli.logs;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * What {@code jobs wait} adds under a FAILED job: the failed attempt's last lines, so that the
 * operator sees what it said without a second command. It never changes the wait's answer: a log
 * that cannot be read is one line saying why.
 */
public final class FailedTail {
  /** How many lines: enough for an error and what led to it, few enough for a terminal. */
  public static final int LINES = 10;

  private FailedTail() {}

  public static void print(
      PrintWriter out,
      Supplier<CloudWatchLogsClient> logs,
      List<String> groups,
      JobPage.Job record,
      Instant now) {
    if (groups.isEmpty()) {
      return;
    }
    int attempt = Math.max(1, record.attempts());
    List<LogEvent> events;
    try {
      LogWindow window = LogWindow.of(record, now, null);
      events =
          new JobLog(logs.get(), groups, record.id(), attempt).read(window.start(), window.end());
    } catch (JobsException e) {
      out.println(
          e.exitCode() == ExitCode.CREDENTIALS
              ? "(your credentials may not read the job's log: " + e.getMessage() + ")"
              : "(the job's log could not be read: " + e.getMessage() + ")");
      out.flush();
      return;
    }
    if (events.isEmpty()) {
      return;
    }
    out.println();
    out.println(
        "last lines of attempt " + attempt + " (all of them: jobs logs " + record.id() + "):");
    JobLog.last(events, LINES).forEach(event -> event.print(out));
    out.flush();
  }
}
