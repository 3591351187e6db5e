package dev.jobs.backend.handler;

import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobRequest;
import dev.jobs.backend.job.JobRequests;
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

  public JobProcessor(JobStore store, JobRequests requests, Clock clock, Duration retention) {
    this.store = store;
    this.requests = requests;
    this.clock = clock;
    this.retention = retention;
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
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JobFailedException("the job was interrupted", e);
    } catch (Exception e) {
      throw new JobFailedException(
          e.getMessage() == null ? e.getClass().getName() : e.getMessage(), e);
    }
    store.succeed(invocation.id(), result, clock.instant());
    return Outcome.SUCCEEDED;
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
