package dev.jobs.local.cloudwatchlogs;

import dev.jobs.backend.log.JobLogSink;
import dev.jobs.local.log.RuntimeLog;
import dev.jobs.local.protocol.AwsError;
import dev.jobs.local.stack.LocalStack;
import dev.jobs.local.store.LogStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The functions' log groups, as CloudWatch Logs keeps them: the processing function's and the error
 * handler's (named as the stack outputs them), each event in a stream per invocation named as
 * Lambda names an environment's ({@code 2026/12/06/[version]requestid}), kept as long as the jobs
 * are.
 */
public final class LogGroups {
  /** How many stored events one call reads at most before it answers with a token to go on. */
  static final int SCAN_PER_CALL = 100_000;

  /** What FilterLogEvents answers at most, as AWS: 10,000 events or 1 MB. */
  static final int MAX_EVENTS = 10_000;

  static final int MAX_BYTES = 1024 * 1024;

  private static final int BATCH = 1_000;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

  /** A log group. */
  public record Group(String name, String arn) {}

  /** A page of matching events; {@code nextToken} null when there are no more. */
  record Filtered(List<LogStore.Event> events, Long nextToken) {}

  private final LocalStack stack;
  private final LogStore store;
  private final Clock clock;
  private final Duration retention;
  private final Instant created;

  /**
   * @param retention how long events are kept: the jobs' retention
   * @param created when the groups were created (the runtime's start)
   */
  public LogGroups(
      LocalStack stack, LogStore store, Clock clock, Duration retention, Instant created) {
    this.stack = stack;
    this.store = store;
    this.clock = clock;
    this.retention = retention;
    this.created = created;
  }

  /** The groups, as {@code DescribeLogGroups} lists them. */
  List<Group> groups() {
    return List.of(group(stack.processingLogGroupName()), group(stack.failedJobsLogGroupName()));
  }

  private Group group(String name) {
    return new Group(name, stack.logGroupArn(name));
  }

  /**
   * The group a name or an ARN (with or without its {@code :*}) names.
   *
   * @throws AwsError {@code ResourceNotFoundException} when none
   */
  Group named(String nameOrArn) {
    String name = nameOrArn;
    if (nameOrArn.startsWith("arn:")) {
      int at = nameOrArn.indexOf(":log-group:");
      name = at < 0 ? "" : nameOrArn.substring(at + ":log-group:".length());
      if (name.endsWith(":*")) {
        name = name.substring(0, name.length() - 2);
      }
    }
    for (Group group : groups()) {
      if (group.name().equals(name)) {
        return group;
      }
    }
    throw new AwsError("ResourceNotFoundException", "The specified log group does not exist.");
  }

  Instant created() {
    return created;
  }

  long retentionDays() {
    return retention.toDays();
  }

  long storedBytes(Group group) {
    return store.storedBytes(group.name());
  }

  /**
   * Where a function's job log lines go: into its group, in the stream of the invocation that wrote
   * them. The write is queued, not awaited (a job may log in a tight loop); one that fails is told
   * in the runtime's log.
   *
   * @param version the function version that runs, as its streams are named
   */
  public JobLogSink sink(String group, String version) {
    return line -> {
      String stream =
          DAY.format(Instant.ofEpochMilli(line.timestamp()))
              + "/["
              + version
              + "]"
              + (line.requestId() == null ? "local" : line.requestId().replace("-", ""));
      store
          .append(group, stream, line, clock.millis())
          .exceptionally(
              failure -> {
                RuntimeLog.error("could not keep a log line of job " + line.jobId(), failure);
                return null;
              });
    };
  }

  /**
   * The events of a group after {@code afterSeq} that match, in the order written: at most {@code
   * limit} and 1 MB, read from at most {@link #SCAN_PER_CALL} stored events, with a token when more
   * may match.
   *
   * @param streams the streams to read, or null for all
   */
  Filtered filter(
      Group group,
      Set<String> streams,
      String streamPrefix,
      long from,
      long to,
      FilterPattern pattern,
      long afterSeq,
      int limit) {
    List<LogStore.Event> found = new ArrayList<>();
    long after = afterSeq;
    int bytes = 0;
    int scanned = 0;
    boolean readByJob = pattern.isJobIdOnly();
    while (true) {
      List<LogStore.Event> page =
          store.page(group.name(), pattern.requiredJobId(), from, to, after, BATCH);
      for (LogStore.Event event : page) {
        after = event.seq();
        scanned++;
        if ((streams == null || streams.contains(event.stream()))
            && (streamPrefix == null || event.stream().startsWith(streamPrefix))
            && (readByJob || pattern.matches(event.message()))) {
          found.add(event);
          bytes += event.message().length() + 26;
          if (found.size() >= limit || bytes >= MAX_BYTES) {
            return new Filtered(found, after);
          }
        }
        if (scanned >= SCAN_PER_CALL) {
          return new Filtered(found, after);
        }
      }
      if (page.size() < BATCH) {
        return new Filtered(found, null);
      }
    }
  }

  /** Deletes the events past the retention; the runtime runs it at its start and hourly. */
  public int purgeExpired() {
    return store.purge(clock.millis() - retention.toMillis());
  }
}
