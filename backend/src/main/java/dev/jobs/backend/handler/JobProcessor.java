package dev.jobs.backend.handler;

import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobRequest;
import dev.jobs.backend.job.JobRequests;
import dev.jobs.backend.log.JobLogSink;
import dev.jobs.backend.log.JobLogger;
import dev.jobs.backend.log.StandardStreams;
import dev.jobs.backend.metrics.JobMetrics;
import dev.jobs.backend.store.JobStore.JobFailure;
import dev.jobs.backend.store.JobStore.JobStart;
import dev.jobs.backend.store.RecordKeeping;
import dev.jobs.kind.InvalidJobException;
import dev.jobs.kind.JobCancelledException;
import dev.jobs.kind.JobFailedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one delivery of a job: validate, record RUNNING, run the kind, record SUCCEEDED, or
 * CANCELLED when the job stopped for an operator's cancel. Each step that concerns the job is a
 * line of the job's log (logger {@link #LOGGER}): started, succeeded, failed with the error,
 * cancelled, rejected, skipped; the kind's own lines and what it writes to standard output and
 * error go there too.
 */
public record JobProcessor(
    RecordKeeping records, JobRequests requests, JobMetrics metrics, JobLogSink log) {
  /** What one delivery did. */
  public enum Outcome {
    SUCCEEDED,
    /** The job had already ended (a duplicate delivery, or a replay of a success). */
    SKIPPED,
    /** The parameters can never run; recorded FAILED without an attempt. */
    REJECTED,
    /**
     * The job stopped for a cancel (or a retry found one asked before it ran): recorded CANCELLED,
     * and the function returns normally, so that Lambda neither retries it nor sends it to the
     * on-failure destination.
     */
    CANCELLED
  }

  public static final String VALIDATION_FAILED = "ValidationFailed";

  /** The logger name of the processing function's own lines about a job. */
  public static final String LOGGER = "jobs.processing";

  /**
   * Records metrics as the environment allows (in Lambda to its log, elsewhere none) and the job's
   * log lines to standard output.
   */
  public JobProcessor(RecordKeeping records, JobRequests requests) {
    this(records, requests, JobLogSink.standardOutput());
  }

  /** Records metrics as the environment allows, and the job's log lines to {@code log}. */
  public JobProcessor(RecordKeeping records, JobRequests requests, JobLogSink log) {
    // Metrics are written once the attempt's capture of standard output has ended.
    this(records, requests, JobMetrics.fromEnvironment(System.getenv(), System.out), log);
  }

  public JobProcessor(RecordKeeping records, JobRequests requests, JobMetrics metrics) {
    this(records, requests, metrics, JobLogSink.standardOutput());
  }

  /**
   * Processes one delivery.
   *
   * @param replayOf for an event replayed from the archive, its time; null for the API's
   * @param remainingTime the time the function has left before it times out
   * @throws JobFailedException when the job fails, so that Lambda retries it and finally sends it
   *     to the on-failure destination
   */
  public Outcome process(
      JobInvocation invocation, Instant replayOf, Supplier<Duration> remainingTime) {
    return process(invocation, replayOf, remainingTime, null);
  }

  /**
   * Processes one delivery, its log lines naming the invocation.
   *
   * @param requestId the invocation's request id (Lambda's), or null
   */
  public Outcome process(
      JobInvocation invocation,
      Instant replayOf,
      Supplier<Duration> remainingTime,
      String requestId) {
    JobLogger.Target target = new JobLogger.Target(log, records.clock(), requestId);
    JobRequest request;
    try {
      request = requests.validate(invocation.parameters());
    } catch (InvalidJobException e) {
      new JobLogger(LOGGER, invocation.id(), null, target)
          .log(
              System.Logger.Level.ERROR,
              "rejected: " + e.getMessage(),
              null,
              Map.of("errorType", InvalidJobException.class.getSimpleName()));
      reject(invocation, e);
      metrics.failed(JobMetrics.INVALID_TYPE, records.clock().instant(), Duration.ZERO);
      return Outcome.REJECTED;
    }
    Instant now = records.clock().instant();
    Optional<JobRecord> started =
        records
            .store()
            .start(
                new JobStart(
                    invocation.id(),
                    request.type(),
                    request.parameters(),
                    now,
                    expiresAt(now),
                    replayOf,
                    timeoutSeconds(remainingTime.get()),
                    invocation.queuedAt()));
    if (started.isEmpty()) {
      new JobLogger(LOGGER, invocation.id(), null, target)
          .log(
              System.Logger.Level.INFO,
              "skipped: this delivery does not start the job (it has ended, or waits for another)");
      return Outcome.SKIPPED;
    }
    JobRecord job = started.get();
    JobLogger processing = new JobLogger(LOGGER, invocation.id(), job.attempts(), target);
    processing.log(
        System.Logger.Level.INFO,
        "started: attempt " + job.attempts() + " of a " + request.type() + " job",
        null,
        replayOf == null ? Map.of() : Map.of("replayOf", replayOf.toString()));
    LambdaJobContext context =
        new LambdaJobContext(
            invocation.id(),
            job.attempts(),
            remainingTime,
            records.store(),
            records.clock(),
            now,
            job.cancelRequestedAt() != null,
            processing.named(request.type()));
    if (context.knowsOfCancel()) {
      // A retry, or a replay, of a job an operator asked to stop: it does not run again.
      return cancelled(invocation.id(), request, job.attempts(), now, processing);
    }
    JsonNode result;
    try (StandardStreams.Capture output = StandardStreams.capture(processing)) {
      result = request.kind().run(request.parameters(), context);
    } catch (JobCancelledException e) {
      context.flush();
      return cancelled(invocation.id(), request, job.attempts(), now, processing);
    } catch (Exception e) {
      context.flush();
      // A job that stops with its own error once it learned of a cancel stopped for the cancel.
      if (context.cancelRequested()) {
        return cancelled(invocation.id(), request, job.attempts(), now, processing);
      }
      JobFailedException failure = failure(e);
      processing.log(
          System.Logger.Level.ERROR,
          "failed: " + failure.getMessage(),
          failure.getCause() == null ? failure : failure.getCause(),
          Map.of());
      throw failedRun(request, now, failure);
    }
    context.flush();
    Instant finished = records.clock().instant();
    records.store().succeed(invocation.id(), result, finished);
    metrics.succeeded(request.type(), finished, Duration.between(now, finished));
    processing.log(
        System.Logger.Level.INFO,
        "succeeded",
        null,
        Map.of("durationMs", Duration.between(now, finished).toMillis()));
    return Outcome.SUCCEEDED;
  }

  /** The failure Lambda reports for what the kind threw. */
  private static JobFailedException failure(Exception e) {
    if (e instanceof JobFailedException failed) {
      return failed;
    }
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return new JobFailedException("the job was interrupted", e);
    }
    return new JobFailedException(
        e.getMessage() == null ? e.getClass().getName() : e.getMessage(), e);
  }

  /**
   * Ends the attempt CANCELLED. Refused when the attempt no longer holds the job (it ended, or
   * another attempt took it over): then there is nothing of this attempt's to record.
   */
  private Outcome cancelled(
      String id, JobRequest request, int attempt, Instant started, JobLogger processing) {
    Instant finished = records.clock().instant();
    if (!records.store().cancelled(id, attempt, finished)) {
      return Outcome.SKIPPED;
    }
    metrics.cancelled(request.type(), finished, Duration.between(started, finished));
    processing.log(System.Logger.Level.WARNING, "cancelled: an operator asked the job to stop");
    return Outcome.CANCELLED;
  }

  /**
   * The function's timeout as an attempt sees it at its start, rounded up to whole seconds (the
   * invocation has already spent a few milliseconds); null when the time left is unknown.
   */
  static Integer timeoutSeconds(Duration remaining) {
    if (remaining == null || remaining.isNegative() || remaining.isZero()) {
      return null;
    }
    long millis = remaining.toMillis();
    return (int) Math.min(Integer.MAX_VALUE, (millis + 999) / 1000);
  }

  /** Records the failed run's metrics on the way out: the failure itself is Lambda's to handle. */
  private JobFailedException failedRun(
      JobRequest request, Instant started, JobFailedException failure) {
    Instant finished = records.clock().instant();
    metrics.failed(request.type(), finished, Duration.between(started, finished));
    return failure;
  }

  private void reject(JobInvocation invocation, InvalidJobException e) {
    Instant now = records.clock().instant();
    JsonNode parameters = invocation.parameters();
    ObjectNode recorded = parameters.isObject() ? (ObjectNode) parameters : null;
    String type = parameters.path(JobRequests.TYPE_FIELD).asString(JobRequests.DEFAULT_TYPE);
    records
        .store()
        .fail(
            new JobFailure(
                invocation.id(),
                type,
                recorded,
                new JobError(
                    InvalidJobException.class.getSimpleName(), e.getMessage(), VALIDATION_FAILED),
                now,
                expiresAt(now),
                invocation.queuedAt()));
  }

  long expiresAt(Instant now) {
    return records.expiresAt(now);
  }
}
