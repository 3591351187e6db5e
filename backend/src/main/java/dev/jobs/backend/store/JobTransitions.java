package dev.jobs.backend.store;

import dev.jobs.backend.job.JobProgress;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.store.JobStore.CancelOutcome;
import dev.jobs.backend.store.JobStore.CancelResult;
import dev.jobs.backend.store.JobStore.JobFailure;
import dev.jobs.backend.store.JobStore.JobStart;
import dev.jobs.backend.store.JobStore.RetryOutcome;
import dev.jobs.backend.store.JobStore.RetryResult;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The {@link JobStore} transitions as functions of the current record, for a store that reads and
 * writes whole records inside one transaction of its own (the local runtime's SQLite store, the
 * tests' in-memory one): each returns the record to write, or empty when the transition is refused
 * and nothing may change. What the DynamoDB store's update expressions keep, these keep too: a
 * transition changes only the fields it names.
 */
public final class JobTransitions {
  private JobTransitions() {}

  /** See {@link JobStore#start}: a replay starts afresh and drops the last run's progress. */
  public static Optional<JobRecord> start(Optional<JobRecord> current, JobStart start) {
    if (!start.allows(current)) {
      return Optional.empty();
    }
    JobRecord job = current.orElse(null);
    Instant startedAt =
        start.replay() || job == null || job.startedAt() == null
            ? start.startedAt()
            : job.startedAt();
    return Optional.of(
        JobRecord.builder(start.id())
            .status(JobStatus.RUNNING)
            .type(start.type())
            .parameters(start.parameters())
            .attempts((job == null ? 0 : job.attempts()) + 1)
            .startedAt(startedAt)
            .expiresAt(start.expiresAt())
            .progress(job == null || start.replay() ? null : job.progress())
            .heartbeatAt(start.startedAt())
            .cancelRequestedAt(job == null ? null : job.cancelRequestedAt())
            .timeoutSeconds(
                start.timeoutSeconds() != null
                    ? start.timeoutSeconds()
                    : job == null ? null : job.timeoutSeconds())
            .queuedAt(job == null ? null : job.queuedAt())
            .build());
  }

  /** See {@link JobStore#queue}: the record to write, or empty when the id has one. */
  public static Optional<JobRecord> queue(Optional<JobRecord> current, JobRecord queued) {
    return current.isPresent() ? Optional.empty() : Optional.of(queued);
  }

  /**
   * See {@link JobStore#retry}: the job {@code QUEUED} again with its attempts and parameters, and
   * nothing of its last run (start, end, result, error, progress, cancel request).
   */
  public static RetryResult retry(
      Optional<JobRecord> current, boolean cancelled, Instant at, long expiresAt) {
    if (current.isEmpty()) {
      return new RetryResult(RetryOutcome.NOT_FOUND, null);
    }
    JobRecord job = current.get();
    if (!RetryResult.allows(job, cancelled)) {
      return new RetryResult(RetryOutcome.REFUSED, job);
    }
    return new RetryResult(
        RetryOutcome.QUEUED,
        JobRecord.queued(job.id(), job.type(), job.parameters(), at, expiresAt).toBuilder()
            .attempts(job.attempts())
            .timeoutSeconds(job.timeoutSeconds())
            .build());
  }

  /** See {@link JobStore#succeed}. */
  public static Optional<JobRecord> succeed(
      Optional<JobRecord> current, JsonNode result, Instant finishedAt) {
    return current
        .filter(job -> job.status() == JobStatus.RUNNING)
        .map(job -> ended(job, JobStatus.SUCCEEDED, result, finishedAt));
  }

  /** See {@link JobStore#fail}: a job never started takes the failure's type and parameters. */
  public static Optional<JobRecord> fail(Optional<JobRecord> current, JobFailure failure) {
    if (current.isPresent() && !failure.ends(current.get())) {
      return Optional.empty();
    }
    JobRecord job = current.orElseGet(() -> JobRecord.builder(failure.id()).build());
    return Optional.of(
        job.toBuilder()
            .status(JobStatus.FAILED)
            .type(job.type() == null ? failure.type() : job.type())
            .parameters(job.parameters() == null ? failure.parameters() : job.parameters())
            .result(null)
            .error(failure.error())
            .finishedAt(failure.finishedAt())
            .expiresAt(failure.expiresAt())
            .build());
  }

  /**
   * See {@link JobStore#progress}.
   *
   * @param progress null for a heartbeat alone, which keeps the last progress
   */
  public static Optional<JobRecord> progress(
      Optional<JobRecord> current, int attempt, JobProgress progress, Instant at) {
    return current
        .filter(job -> holds(job, attempt))
        .map(
            job ->
                job.toBuilder()
                    .progress(progress == null ? job.progress() : progress)
                    .heartbeatAt(at)
                    .build());
  }

  /** What a progress write's outcome tells the attempt. */
  public static JobStore.Heartbeat heartbeat(Optional<JobRecord> written) {
    if (written.isEmpty()) {
      return JobStore.Heartbeat.ATTEMPT_OVER;
    }
    return written.get().cancelRequestedAt() == null
        ? JobStore.Heartbeat.RUNNING
        : JobStore.Heartbeat.CANCEL_REQUESTED;
  }

  /**
   * See {@link JobStore#cancel}. The result's record is the one to write when it differs from the
   * current one.
   */
  public static CancelResult cancel(
      Optional<JobRecord> current, String id, Instant at, long expiresAt) {
    if (current.isEmpty()) {
      return new CancelResult(
          CancelOutcome.CANCEL_RECORDED, JobRecord.cancelledBeforeStart(id, at, expiresAt));
    }
    JobRecord job = current.get();
    CancelOutcome outcome = CancelResult.outcomeFor(job);
    if (job.status() == JobStatus.QUEUED) {
      // Not started: it ends now, and its dispatch finds it CANCELLED.
      return new CancelResult(
          outcome, ended(withCancelRequest(job, at), JobStatus.CANCELLED, null, at));
    }
    if (outcome != CancelOutcome.CANCEL_RECORDED || job.cancelRequestedAt() != null) {
      return new CancelResult(outcome, job);
    }
    return new CancelResult(outcome, withCancelRequest(job, at));
  }

  private static JobRecord withCancelRequest(JobRecord job, Instant at) {
    return job.toBuilder().cancelRequestedAt(at).build();
  }

  /** See {@link JobStore#cancelled}. */
  public static Optional<JobRecord> cancelled(
      Optional<JobRecord> current, int attempt, Instant finishedAt) {
    return current
        .filter(job -> holds(job, attempt))
        .map(job -> ended(job, JobStatus.CANCELLED, null, finishedAt));
  }

  private static boolean holds(JobRecord job, int attempt) {
    return job.status() == JobStatus.RUNNING && job.attempts() == attempt;
  }

  private static JobRecord ended(
      JobRecord job, JobStatus status, JsonNode result, Instant finishedAt) {
    return job.toBuilder().status(status).result(result).error(null).finishedAt(finishedAt).build();
  }
}
