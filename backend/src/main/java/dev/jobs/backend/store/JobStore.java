package dev.jobs.backend.store;

import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobProgress;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where job records live. Deliveries are at least once and replays repeat work, so every write is
 * conditional and the store, not the caller, decides whether a transition is allowed:
 *
 * <ul>
 *   <li>{@link #start}: a new job, or one still {@code RUNNING} (a retry), becomes {@code RUNNING}
 *       with one more attempt; a {@code SUCCEEDED} job never. A replay also re-drives a {@code
 *       FAILED} job, but only once per failure: a {@code FAILED} or {@code RUNNING} job is
 *       re-driven only when its status time, truncated to whole seconds, is not after the replayed
 *       event's time (see {@link JobStart#replayOf}), so duplicate events of one failure start it
 *       once.
 *   <li>{@link #succeed}: only a {@code RUNNING} job.
 *   <li>{@link #fail}: a {@code RUNNING} job, or one never started (its event expired first).
 *   <li>{@link #progress}: only the attempt that is running: {@code RUNNING} with that attempt
 *       number; its answer carries the cancel flag.
 *   <li>{@link #cancel}: a {@code RUNNING} job keeps running with its first cancel request noted; a
 *       job never started becomes {@code CANCELLED} (so its delivery never runs); an ended job
 *       stays as it is.
 *   <li>{@link #cancelled}: only the attempt that is running, which stopped for the cancel.
 *   <li>{@link #queue}: only a job with no record becomes {@code QUEUED}; any record stays as it
 *       is, so a client's repeated request writes nothing (and a table stream sees nothing).
 *   <li>{@link #retry}: only a {@code FAILED} job (or, when asked, a {@code CANCELLED} one that has
 *       parameters) becomes {@code QUEUED} again, its attempts kept; the write's condition is its
 *       status, so of concurrent requests one re-queues it and the others find it {@code QUEUED}.
 *   <li>A {@code QUEUED} job is started only by a delivery of that queueing (see {@link
 *       JobStart#queuedAt}), and a cancel ends it {@code CANCELLED} at once.
 * </ul>
 *
 * A {@code CANCELLED} job is never started again, by a delivery or by a replay (only a retry
 * re-queues it).
 *
 * <p>A refused transition is not an error: it returns empty or {@code false} and changes nothing.
 * Failures of the store itself throw {@link JobStoreException}.
 */
public interface JobStore {
  Optional<JobRecord> find(String id);

  /**
   * Records an attempt as {@code RUNNING}.
   *
   * @return the record as stored, or empty when the job's state forbids this attempt
   */
  Optional<JobRecord> start(JobStart start);

  /**
   * Records a success.
   *
   * @return false when the job was not {@code RUNNING} (another delivery already ended it)
   */
  boolean succeed(String id, JsonNode result, Instant finishedAt);

  /**
   * Records a failure.
   *
   * @return false when the job had already ended
   */
  boolean fail(JobFailure failure);

  /**
   * Records a running attempt's progress, or only its heartbeat, in one conditional write.
   *
   * @param progress the progress to record, or null for a heartbeat that keeps the last one
   * @return what the write learned: whether the attempt still holds and whether a cancel is asked
   */
  Heartbeat progress(String id, int attempt, JobProgress progress, Instant at);

  /**
   * Asks a job to stop.
   *
   * @param expiresAt the retention of a record made for a job that had none
   */
  CancelResult cancel(String id, Instant at, long expiresAt);

  /**
   * Queues a job under a client's id: records it {@code QUEUED} when the id has no record, and
   * changes nothing otherwise.
   *
   * @return whether it was recorded, and the record as it now is
   */
  QueueResult queue(JobRecord queued);

  /**
   * Queues a new attempt of an ended job under its id, with its stored parameters.
   *
   * @param cancelled whether a {@code CANCELLED} job may be retried too
   * @param expiresAt the record's new retention
   */
  RetryResult retry(String id, boolean cancelled, Instant at, long expiresAt);

  /**
   * Records that an attempt stopped because of a cancel.
   *
   * @return false when the job was not {@code RUNNING} in that attempt (nothing changes)
   */
  boolean cancelled(String id, int attempt, Instant finishedAt);

  /**
   * A page of jobs, newest status time first (see {@link JobCursor}); reads are not required to be
   * strongly consistent.
   */
  JobPage list(JobQuery query);

  /**
   * An attempt about to run.
   *
   * @param replayOf for a replay, the time of the replayed event (EventBridge's {@code time}, whole
   *     seconds, kept by a replay); null for a delivery from the API
   * @param timeoutSeconds the function's timeout as the attempt sees it, or null when unknown
   * @param queuedAt for the dispatch of a {@code QUEUED} job, the queueing it carries (the record's
   *     {@code queuedAt} when it was dispatched); null for the API's and a replay's deliveries
   */
  record JobStart(
      String id,
      String type,
      ObjectNode parameters,
      Instant startedAt,
      long expiresAt,
      Instant replayOf,
      Integer timeoutSeconds,
      Instant queuedAt) {
    public boolean replay() {
      return replayOf != null;
    }

    public boolean dispatched() {
      return queuedAt != null;
    }

    /**
     * Whether this dispatch starts the job's queueing afresh ({@code QUEUED} to {@code RUNNING});
     * otherwise it is Lambda's retry of the attempt it started.
     */
    public boolean startsQueued(Optional<JobRecord> current) {
      return dispatched()
          && current.isPresent()
          && current.get().status() == JobStatus.QUEUED
          && queuedAt.equals(current.get().queuedAt());
    }

    /**
     * The status time from which a replay no longer re-drives the job: something happened to it
     * after the failure the event carries.
     */
    public Instant replayCutoff() {
      return replayOf.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }

    /** Whether this start may move a job in its current state to {@code RUNNING}. */
    public boolean allows(Optional<JobRecord> current) {
      if (current.isEmpty()) {
        // A dispatched job has had its record since it was accepted: gone, it runs no more.
        return !dispatched();
      }
      JobRecord job = current.get();
      if (job.status() == JobStatus.CANCELLED) {
        return false;
      }
      if (replay()) {
        // The replay of a failure re-drives the job once, whichever way it was submitted (the
        // event of a named job carries its queueing too, which the failure ended); never a job
        // queued again since, which only its dispatch starts.
        Instant at = JobCursor.statusTime(job);
        return job.status() != JobStatus.SUCCEEDED
            && job.status() != JobStatus.QUEUED
            && (at == null || at.isBefore(replayCutoff()));
      }
      if (dispatched()) {
        // Once per queueing: a dispatch of an older queueing finds another queuedAt.
        return (job.status() == JobStatus.QUEUED || job.status() == JobStatus.RUNNING)
            && queuedAt.equals(job.queuedAt());
      }
      // Lambda's retry of an attempt; a queued job only its dispatch starts.
      return job.status() == JobStatus.RUNNING;
    }
  }

  /** What a progress or heartbeat write learned. */
  enum Heartbeat {
    /** The attempt still holds and nobody asked it to stop. */
    RUNNING,
    /** The attempt still holds, and an operator asked the job to stop. */
    CANCEL_REQUESTED,
    /** The job ended or another attempt took it over: nothing was written. */
    ATTEMPT_OVER
  }

  /** What a cancel request found. */
  enum CancelOutcome {
    /** A running job noted the request, or a job never started is now {@code CANCELLED}. */
    CANCEL_RECORDED,
    /** The job was already {@code CANCELLED}; nothing changed. */
    ALREADY_CANCELLED,
    /** The job had already ended otherwise; nothing changed. */
    ALREADY_ENDED
  }

  /**
   * A cancel request's outcome.
   *
   * @param record the job's record after the request (unchanged unless recorded)
   */
  record CancelResult(CancelOutcome outcome, JobRecord record) {
    /** The outcome a request has on a job that has a record in this state. */
    public static CancelOutcome outcomeFor(JobRecord current) {
      return switch (current.status()) {
        case QUEUED, RUNNING -> CancelOutcome.CANCEL_RECORDED;
        case CANCELLED -> CancelOutcome.ALREADY_CANCELLED;
        case SUCCEEDED, FAILED -> CancelOutcome.ALREADY_ENDED;
      };
    }
  }

  /**
   * A queue request's outcome.
   *
   * @param created whether this request recorded the job
   * @param record the job's record now (the one found when not created)
   */
  record QueueResult(boolean created, JobRecord record) {}

  /** What a retry request found. */
  enum RetryOutcome {
    /** The job is {@code QUEUED} again for a new attempt. */
    QUEUED,
    /** The job has no record. */
    NOT_FOUND,
    /** The job's status (or, cancelled before it started, its lack of parameters) forbids it. */
    REFUSED
  }

  /**
   * A retry request's outcome.
   *
   * @param record the job's record after the request (unchanged unless queued); null when none
   */
  record RetryResult(RetryOutcome outcome, JobRecord record) {
    /** Whether a job in this state may be retried. */
    public static boolean allows(JobRecord current, boolean cancelled) {
      return current.parameters() != null
          && (current.status() == JobStatus.FAILED
              || (cancelled && current.status() == JobStatus.CANCELLED));
    }
  }

  /**
   * A failure to record; {@code type} and {@code parameters} fill a job that never started.
   *
   * @param queuedAt the queueing whose dispatch was rejected before it started (its parameters
   *     invalid): that {@code QUEUED} job fails too, with no attempt; null for any other failure,
   *     which ends only a job that runs or has no record
   */
  record JobFailure(
      String id,
      String type,
      ObjectNode parameters,
      JobError error,
      Instant finishedAt,
      long expiresAt,
      Instant queuedAt) {
    public JobFailure(
        String id,
        String type,
        ObjectNode parameters,
        JobError error,
        Instant finishedAt,
        long expiresAt) {
      this(id, type, parameters, error, finishedAt, expiresAt, null);
    }

    /** Whether this failure ends a job in its current state. */
    public boolean ends(JobRecord current) {
      return current.status() == JobStatus.RUNNING
          || queuedAt != null
              && current.status() == JobStatus.QUEUED
              && queuedAt.equals(current.queuedAt());
    }
  }
}
