package dev.jobs.backend.store;

import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobRecord;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where job records live. Deliveries are at least once and replays repeat work, so every write is
 * conditional and the store, not the caller, decides whether a transition is allowed:
 *
 * <ul>
 *   <li>{@link #start}: a new job, or one still {@code RUNNING} (a retry), becomes {@code RUNNING}
 *       with one more attempt; a {@code FAILED} job only when the start is a replay; a {@code
 *       SUCCEEDED} job never.
 *   <li>{@link #succeed}: only a {@code RUNNING} job.
 *   <li>{@link #fail}: a {@code RUNNING} job, or one never started (its event expired first).
 * </ul>
 *
 * A refused transition is not an error: it returns empty or {@code false} and changes nothing.
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

  /** An attempt about to run. */
  record JobStart(
      String id,
      String type,
      ObjectNode parameters,
      Instant startedAt,
      long expiresAt,
      boolean replay) {}

  /** A failure to record; {@code type} and {@code parameters} fill a job that never started. */
  record JobFailure(
      String id,
      String type,
      ObjectNode parameters,
      JobError error,
      Instant finishedAt,
      long expiresAt) {}
}
