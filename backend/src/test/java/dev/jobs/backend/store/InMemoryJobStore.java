package dev.jobs.backend.store;

import dev.jobs.backend.job.JobRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** The job store's rules in memory, for tests. {@link #failWrites} makes every write throw. */
public final class InMemoryJobStore extends WholeRecordJobStore {
  private final ConcurrentMap<String, JobRecord> records = new ConcurrentHashMap<>();
  private final AtomicReference<RuntimeException> writeFailure = new AtomicReference<>();

  /** How the tests keep this store's records: stamped by {@code clock}, kept 30 days. */
  public RecordKeeping keeping(Clock clock) {
    return new RecordKeeping(this, clock, Duration.ofDays(30));
  }

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
  public CancelResult cancel(String id, Instant at, long expiresAt) {
    return decide(
        id, current -> JobTransitions.cancel(current, id, at, expiresAt), CancelResult::record);
  }

  @Override
  public QueueResult queue(JobRecord queued) {
    Optional<JobRecord> written =
        transition(queued.id(), current -> JobTransitions.queue(current, queued));
    return written.isPresent()
        ? new QueueResult(true, written.get())
        : new QueueResult(false, records.get(queued.id()));
  }

  @Override
  public RetryResult retry(String id, boolean cancelled, Instant at, long expiresAt) {
    return decide(
        id,
        current -> JobTransitions.retry(current, cancelled, at, expiresAt),
        RetryResult::record);
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

  @Override
  protected Optional<JobRecord> transition(
      String id, Function<Optional<JobRecord>, Optional<JobRecord>> next) {
    checkWritable();
    AtomicReference<JobRecord> written = new AtomicReference<>();
    records.compute(
        id,
        (key, current) -> {
          Optional<JobRecord> changed = next.apply(Optional.ofNullable(current));
          changed.ifPresent(written::set);
          return changed.orElse(current);
        });
    return Optional.ofNullable(written.get());
  }

  /**
   * Applies a transition whose result says which record the id holds after it (null for none),
   * atomically for the id.
   */
  private <R> R decide(
      String id, Function<Optional<JobRecord>, R> transition, Function<R, JobRecord> holds) {
    checkWritable();
    AtomicReference<R> result = new AtomicReference<>();
    records.compute(
        id,
        (key, current) -> {
          result.set(transition.apply(Optional.ofNullable(current)));
          return holds.apply(result.get());
        });
    return result.get();
  }

  private void checkWritable() {
    RuntimeException failure = writeFailure.get();
    if (failure != null) {
      throw failure;
    }
  }
}
