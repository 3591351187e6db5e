package dev.jobs.backend.store;

import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/** The job store's rules in memory, for tests. {@link #failWrites} makes every write throw. */
public final class InMemoryJobStore implements JobStore {
  private final ConcurrentMap<String, JobRecord> records = new ConcurrentHashMap<>();
  private final AtomicReference<RuntimeException> writeFailure = new AtomicReference<>();

  public void failWrites(RuntimeException failure) {
    writeFailure.set(failure);
  }

  public void put(JobRecord record) {
    records.put(record.id(), record);
  }

  @Override
  public Optional<JobRecord> find(String id) {
    return Optional.ofNullable(records.get(id));
  }

  @Override
  public Optional<JobRecord> start(JobStart start) {
    checkWritable();
    AtomicReference<JobRecord> stored = new AtomicReference<>();
    records.compute(
        start.id(),
        (id, current) -> {
          if (!start.allows(Optional.ofNullable(current))) {
            return current;
          }
          Instant startedAt =
              start.replay() || current == null ? start.startedAt() : current.startedAt();
          JobRecord next =
              new JobRecord(
                  id,
                  JobStatus.RUNNING,
                  start.type(),
                  start.parameters(),
                  null,
                  null,
                  (current == null ? 0 : current.attempts()) + 1,
                  startedAt,
                  null,
                  start.expiresAt());
          stored.set(next);
          return next;
        });
    return Optional.ofNullable(stored.get());
  }

  @Override
  public boolean succeed(String id, JsonNode result, Instant finishedAt) {
    checkWritable();
    AtomicReference<Boolean> changed = new AtomicReference<>(false);
    records.computeIfPresent(
        id,
        (key, current) -> {
          if (current.status() != JobStatus.RUNNING) {
            return current;
          }
          changed.set(true);
          return new JobRecord(
              key,
              JobStatus.SUCCEEDED,
              current.type(),
              current.parameters(),
              result,
              null,
              current.attempts(),
              current.startedAt(),
              finishedAt,
              current.expiresAt());
        });
    return changed.get();
  }

  @Override
  public boolean fail(JobFailure failure) {
    checkWritable();
    AtomicReference<Boolean> changed = new AtomicReference<>(false);
    records.compute(
        failure.id(),
        (id, current) -> {
          if (current != null && current.status() != JobStatus.RUNNING) {
            return current;
          }
          changed.set(true);
          return new JobRecord(
              id,
              JobStatus.FAILED,
              current == null ? failure.type() : current.type(),
              current == null ? failure.parameters() : current.parameters(),
              null,
              failure.error(),
              current == null ? 0 : current.attempts(),
              current == null ? null : current.startedAt(),
              failure.finishedAt(),
              failure.expiresAt());
        });
    return changed.get();
  }

  @Override
  public JobPage list(JobQuery query) {
    return query.page(
        records.values().stream()
            .filter(query::matches)
            .sorted(Comparator.comparing(JobCursor::of, JobCursor.NEWEST_FIRST))
            .limit(query.limit() + 1L)
            .toList());
  }

  private void checkWritable() {
    RuntimeException failure = writeFailure.get();
    if (failure != null) {
      throw failure;
    }
  }
}
