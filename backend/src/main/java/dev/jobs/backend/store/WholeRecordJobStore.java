package dev.jobs.backend.store;

import dev.jobs.backend.job.JobProgress;
import dev.jobs.backend.job.JobRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A job store that reads and writes whole records inside one transaction of its own (the local
 * runtime's SQLite store, the tests' in-memory one). The transitions of one record that answer only
 * what was written are {@link JobTransitions}' functions applied by {@link #transition}, the same
 * in every such store; the store writes the others (cancel, queue, retry) and lists itself.
 */
public abstract class WholeRecordJobStore implements JobStore {
  /**
   * Reads the job and writes what {@code next} makes of it, atomically; returns the record written,
   * or empty when the transition was refused and nothing changed.
   */
  protected abstract Optional<JobRecord> transition(
      String id, Function<Optional<JobRecord>, Optional<JobRecord>> next);

  @Override
  public final Optional<JobRecord> start(JobStart start) {
    return transition(start.id(), current -> JobTransitions.start(current, start));
  }

  @Override
  public final boolean succeed(String id, JsonNode result, Instant finishedAt) {
    return transition(id, current -> JobTransitions.succeed(current, result, finishedAt))
        .isPresent();
  }

  @Override
  public final boolean fail(JobFailure failure) {
    return transition(failure.id(), current -> JobTransitions.fail(current, failure)).isPresent();
  }

  @Override
  public final Heartbeat progress(String id, int attempt, JobProgress progress, Instant at) {
    return JobTransitions.heartbeat(
        transition(id, current -> JobTransitions.progress(current, attempt, progress, at)));
  }

  @Override
  public final boolean cancelled(String id, int attempt, Instant finishedAt) {
    return transition(id, current -> JobTransitions.cancelled(current, attempt, finishedAt))
        .isPresent();
  }
}
