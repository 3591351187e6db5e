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
import dev.jobs.kind.JobContext;
import dev.jobs.kind.JobFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Runs one delivery of a job: validate, record RUNNING, run the kind, record SUCCEEDED. */
public final class JobProcessor {
  /** What one delivery did. */
  public enum Outcome {
    SUCCEEDED,
    /** The job had already ended (a duplicate delivery, or a replay of a success). */
    SKIPPED,
    /** The parameters can never run; recorded FAILED without an attempt. */
    REJECTED
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
   * @param contextForAttempt the job's view of its attempt, given the attempt number
   * @throws JobFailedException when the job fails, so that Lambda retries it and finally sends it
   *     to the on-failure destination
   */
  public Outcome process(
      JobInvocation invocation, Instant replayOf, IntFunction<JobContext> contextForAttempt) {
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
                replayOf));
    if (started.isEmpty()) {
      return Outcome.SKIPPED;
    }
    JobContext context = contextForAttempt.apply(started.get().attempts());
    JsonNode result;
    try {
      result = request.kind().run(request.parameters(), context);
    } catch (JobFailedException e) {
      throw failedRun(request, now, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failedRun(request, now, new JobFailedException("the job was interrupted", e));
    } catch (Exception e) {
      throw failedRun(
          request,
          now,
          new JobFailedException(
              e.getMessage() == null ? e.getClass().getName() : e.getMessage(), e));
    }
    Instant finished = clock.instant();
    store.succeed(invocation.id(), result, finished);
    metrics.succeeded(request.type(), finished, Duration.between(now, finished));
    return Outcome.SUCCEEDED;
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
