package dev.jobs.backend.handler;

import dev.jobs.backend.cancel.JobCancel;
import dev.jobs.backend.job.JobRequests;
import dev.jobs.backend.kind.JobKinds;
import dev.jobs.backend.list.JobList;
import dev.jobs.backend.log.JobLogSink;
import dev.jobs.backend.queue.JobQueue;
import dev.jobs.backend.settings.StackSettings;
import dev.jobs.backend.store.DynamoDbJobStore;
import dev.jobs.backend.store.JobStore;
import dev.jobs.backend.store.RecordKeeping;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The backend's parts, wired once per process: the Lambda handlers' no-argument constructors use
 * {@link #fromEnvironment()}; the local runtime and the tests pass their own store.
 */
public record Backend(
    JobProcessor processor,
    FailureRecorder failures,
    JobList list,
    JobCancel cancel,
    JobQueue queue,
    Priming priming) {
  /** How long a job record is kept, unless {@code JOB_RETENTION_DAYS} says otherwise. */
  public static final Duration DEFAULT_RETENTION =
      Duration.ofDays(StackSettings.JOB_RETENTION_DAYS.defaultValue());

  /** The job log lines of both functions to standard output: the functions' logs in Lambda. */
  public static Backend create(JobStore store, JobKinds kinds, Clock clock, Duration retention) {
    return create(
        store, kinds, clock, retention, JobLogSink.standardOutput(), JobLogSink.standardOutput());
  }

  /**
   * @param processingLog where the processing function's job log lines go
   * @param failureLog where the error handler's go
   */
  public static Backend create(
      JobStore store,
      JobKinds kinds,
      Clock clock,
      Duration retention,
      JobLogSink processingLog,
      JobLogSink failureLog) {
    JobRequests requests = new JobRequests(kinds);
    RecordKeeping records = new RecordKeeping(store, clock, retention);
    return new Backend(
        new JobProcessor(records, requests, processingLog),
        new FailureRecorder(records, failureLog),
        new JobList(store, clock),
        new JobCancel(records),
        new JobQueue(records),
        new Priming(store, kinds, requests));
  }

  /** The Lambda wiring: DynamoDB from {@code TABLE_NAME} and {@code AWS_REGION}. */
  public static Backend fromEnvironment() {
    Map<String, String> env = System.getenv();
    return create(
        DynamoDbJobStore.fromEnvironment(env), JobKinds.load(), Clock.systemUTC(), retention(env));
  }

  static Duration retention(Map<String, String> env) {
    String days = env.get("JOB_RETENTION_DAYS");
    if (days == null || days.isBlank()) {
      return DEFAULT_RETENTION;
    }
    try {
      return Duration.ofDays(Long.parseLong(days.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalStateException("JOB_RETENTION_DAYS must be a whole number of days: " + days);
    }
  }
}
