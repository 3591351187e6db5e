package dev.jobs.cli.logs;

import dev.jobs.cli.aws.AwsErrors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * One job's log lines, read from the stack's log groups with {@code FilterLogEvents}: a JSON filter
 * pattern on the job's id (and attempt) and a time window, every page of every group, merged in
 * time order. The filter runs on AWS's side; each event's {@code jobId} is checked here as well, so
 * that a pattern that matches too much never shows another job's line.
 */
public final class JobLog {
  private final CloudWatchLogsClient logs;
  private final List<String> groups;
  private final String jobId;
  private final Integer attempt;

  /**
   * @param groups the log groups, processing function first (its lines come first at one time)
   * @param attempt the one attempt to read, or null for all
   */
  public JobLog(CloudWatchLogsClient logs, List<String> groups, String jobId, Integer attempt) {
    this.logs = logs;
    this.groups = List.copyOf(groups);
    this.jobId = jobId;
    this.attempt = attempt;
  }

  /** The filter pattern sent: CloudWatch Logs' JSON pattern on the job (and the attempt). */
  public String filterPattern() {
    String id = "$.jobId = \"" + jobId.replace("\"", "") + "\"";
    return attempt == null ? "{ " + id + " }" : "{ (" + id + ") && ($.attempt = " + attempt + ") }";
  }

  /** The job's lines written from {@code start} to {@code end} (both inclusive), in time order. */
  public List<LogEvent> read(Instant start, Instant end) {
    List<LogEvent> events = new ArrayList<>();
    for (String group : groups) {
      try {
        logs.filterLogEventsPaginator(
                r ->
                    r.logGroupName(group)
                        .filterPattern(filterPattern())
                        .startTime(start.toEpochMilli())
                        .endTime(end.toEpochMilli()))
            .events()
            .forEach(event -> LogEvent.parse(event).filter(this::belongs).ifPresent(events::add));
      } catch (SdkException e) {
        throw AwsErrors.translate(e, "FilterLogEvents " + group);
      }
    }
    // Stable: at one millisecond, the processing function's lines keep their order, then the
    // error handler's.
    events.sort(Comparator.comparing(LogEvent::time));
    return events;
  }

  private boolean belongs(LogEvent event) {
    return jobId.equals(event.jobId()) && (attempt == null || attempt.equals(event.attempt()));
  }

  /** The last {@code count} lines, of one attempt when {@code attempt} is set. */
  public static List<LogEvent> last(List<LogEvent> events, int count) {
    return events.subList(Math.max(0, events.size() - count), events.size());
  }
}
