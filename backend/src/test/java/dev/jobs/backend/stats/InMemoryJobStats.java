package dev.jobs.backend.stats;

import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.store.ForwardingJobStore;
import dev.jobs.backend.store.JobCursor;
import dev.jobs.backend.store.JobPage;
import dev.jobs.backend.store.JobQuery;
import dev.jobs.backend.store.JobStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * A store that keeps the counters in memory as its writes change jobs (reading each job before and
 * after the write, single-threaded), and answers {@link JobStatsSource} from them.
 */
final class InMemoryJobStats extends ForwardingJobStore implements JobStatsSource {
  private final Map<StatsCell, Map<String, Long>> cells = new HashMap<>();

  InMemoryJobStats(JobStore delegate) {
    super(delegate);
  }

  private <T> T counted(String id, Supplier<T> write) {
    Optional<JobRecord> before = find(id);
    T result = write.get();
    new StatsDeltas()
        .change(before, find(id))
        .cells()
        .forEach(
            (cell, counters) -> {
              Map<String, Long> sums = cells.computeIfAbsent(cell, c -> new HashMap<>());
              counters.forEach((name, value) -> sums.merge(name, value, Long::sum));
            });
    return result;
  }

  @Override
  public Optional<JobRecord> start(JobStart start) {
    return counted(start.id(), () -> super.start(start));
  }

  @Override
  public boolean succeed(String id, JsonNode result, Instant finishedAt) {
    return counted(id, () -> super.succeed(id, result, finishedAt));
  }

  @Override
  public boolean fail(JobFailure failure) {
    return counted(failure.id(), () -> super.fail(failure));
  }

  @Override
  public Heartbeat progress(
      String id, int attempt, dev.jobs.backend.job.JobProgress progress, Instant at) {
    return counted(id, () -> super.progress(id, attempt, progress, at));
  }

  @Override
  public CancelResult cancel(String id, Instant at, long expiresAt) {
    return counted(id, () -> super.cancel(id, at, expiresAt));
  }

  @Override
  public boolean cancelled(String id, int attempt, Instant finishedAt) {
    return counted(id, () -> super.cancelled(id, attempt, finishedAt));
  }

  @Override
  public QueueResult queue(JobRecord queued) {
    return counted(queued.id(), () -> super.queue(queued));
  }

  @Override
  public RetryResult retry(String id, boolean cancelled, Instant at, long expiresAt) {
    return counted(id, () -> super.retry(id, cancelled, at, expiresAt));
  }

  @Override
  public Aggregates sum(StatsWindow window) {
    Aggregates sums = new Aggregates();
    for (StatsRange range : window.ranges()) {
      cells.forEach(
          (cell, counters) -> {
            if (cell.span() == range.span()
                && cell.period().compareTo(range.first()) >= 0
                && cell.period().compareTo(range.end()) < 0
                && (window.type().isEmpty() || window.type().get().equals(cell.type()))) {
              sums.add(cell, counters);
            }
          });
    }
    return sums;
  }

  @Override
  public List<JobRecord> running(StatsWindow window, Aggregates counted, int limit) {
    List<JobRecord> running = new ArrayList<>();
    Optional<JobCursor> after = Optional.empty();
    do {
      JobPage page =
          list(
              new JobQuery(
                  Optional.of(JobStatus.RUNNING), window.since(), window.until(), 100, after));
      page.jobs().stream()
          .filter(job -> window.type().isEmpty() || window.type().get().equals(job.type()))
          .forEach(running::add);
      after = page.next();
    } while (after.isPresent());
    running.sort(
        java.util.Comparator.comparing(JobCursor::statusTime).thenComparing(JobRecord::id));
    return running.size() > limit ? running.subList(0, limit) : running;
  }
}
