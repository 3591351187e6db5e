package dev.jobs.backend.handler;

import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobRequest;
import dev.jobs.backend.job.JobRequests;
import dev.jobs.backend.metrics.JobMetrics;
import dev.jobs.backend.store.JobStore;
import dev.jobs.backend.store.JobStore.JobFailure;
import dev.jobs.backend.store.JobStore.JobStart;
import dev.jobs.kind.InvalidJobException;
import dev.jobs.kind.JobCancelledException;
import dev.jobs.kind.JobFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one delivery of a job: validate, record RUNNING, run the kind, record SUCCEEDED, or
 * CANCELLED when the job stopped for an operator's cancel.
 */
public final class JobProcessor {
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

  private final JobStore store;
  private final JobRequests requests;
  private final Clock clock;
  private final Duration retention;
  private final JobMetrics metrics;

  /** Records metrics as the environment allows: in Lambda to its log, elsewhere none. */
  public JobProcessor(JobStore store, JobRequests requests, Clock clock, Duration retention) {
    this(
        store, requests, clock, retention, JobMetrics.fromEnvironment(System.getenv(), System.out));
  }

  public JobProcessor(
      JobStore store, JobRequests requests, Clock clock, Duration retention, JobMetrics metrics) {
    this.store = store;
    this.requests = requests;
    this.clock = clock;
    this.retention = retention;
    this.metrics = metrics;
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
    JobRequest request;
    try {
      request = requests.validate(invocation.parameters());
    } catch (InvalidJobException e) {
      reject(invocation, e);
      metrics.failed(JobMetrics.INVALID_TYPE, clock.instant(), Duration.ZERO);
      return Outcome.REJECTED;
    }
    Instant now = clock.instant();
    Optional<JobRecord> started =
        store.start(
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
      return Outcome.SKIPPED;
    }
    JobRecord job = started.get();
    LambdaJobContext context =
        new LambdaJobContext(
            invocation.id(),
            job.attempts(),
            remainingTime,
            store,
            clock,
            now,
            job.cancelRequestedAt() != null);
    if (context.knowsOfCancel()) {
      // A retry, or a replay, of a job an operator asked to stop: it does not run again.
      return cancelled(invocation.id(), request, job.attempts(), now);
    }
    JsonNode result;
    try {
      result = request.kind().run(request.parameters(), context);
    } catch (JobCancelledException e) {
      context.flush();
      return cancelled(invocation.id(), request, job.attempts(), now);
    } catch (Exception e) {
      context.flush();
      // A job that stops with its own error once it learned of a cancel stopped for the cancel.
      if (context.cancelRequested()) {
        return cancelled(invocation.id(), request, job.attempts(), now);
      }
      throw failedRun(request, now, failure(e));
    }
    context.flush();
    Instant finished = clock.instant();
    store.succeed(invocation.id(), result, finished);
    metrics.succeeded(request.type(), finished, Duration.between(now, finished));
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
  private Outcome cancelled(String id, JobRequest request, int attempt, Instant started) {
    Instant finished = clock.instant();
    if (!store.cancelled(id, attempt, finished)) {
      return Outcome.SKIPPED;
    }
    metrics.cancelled(request.type(), finished, Duration.between(started, finished));
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
    Instant finished = clock.instant();
    metrics.failed(request.type(), finished, Duration.between(started, finished));
    return failure;
  }

  private void reject(JobInvocation invocation, InvalidJobException e) {
    Instant now = clock.instant();
    JsonNode parameters = invocation.parameters();
    ObjectNode recorded = parameters.isObject() ? (ObjectNode) parameters : null;
    String type = parameters.path(JobRequests.TYPE_FIELD).asString(JobRequests.DEFAULT_TYPE);
    store.fail(
        new JobFailure(
            invocation.id(),
            type,
            recorded,
            new JobError(
                InvalidJobException.class.getSimpleName(), e.getMessage(), VALIDATION_FAILED),
            now,
            expiresAt(now)));
  }

  long expiresAt(Instant now) {
    return now.plus(retention).getEpochSecond();
  }
}
