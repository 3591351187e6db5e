package dev.jobs.backend.stats;

import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What changes of jobs add to and take from the counters. A job counts once, in its current status,
 * in the period of its status time (when it entered that status, the list's order), at every span;
 * a finished job that started also counts in its run time's bucket, and a FAILED one under its
 * error type and condition. A change takes the job out of where its old record counted and puts it
 * where its new record counts, so the counters always equal what reading every job would add up
 * (applied once per change: the stores' business). A write that moves nothing the counters see (a
 * heartbeat, progress, a cancel request) changes nothing.
 */
public final class StatsDeltas {
  private final Map<StatsCell, Map<String, Long>> cells = new LinkedHashMap<>();

  /** Adds one change: {@code before} is empty for a new job, {@code after} for a deleted one. */
  public StatsDeltas change(Optional<JobRecord> before, Optional<JobRecord> after) {
    Optional<Mark> old = before.flatMap(Mark::of);
    Optional<Mark> now = after.flatMap(Mark::of);
    if (old.equals(now)) {
      return this;
    }
    old.ifPresent(mark -> add(mark, -1));
    now.ifPresent(mark -> add(mark, 1));
    return this;
  }

  /** The counters that moved, by cell; counters that came back to zero left out. */
  public Map<StatsCell, Map<String, Long>> cells() {
    Map<StatsCell, Map<String, Long>> moved = new LinkedHashMap<>();
    cells.forEach(
        (cell, counters) -> {
          Map<String, Long> nonZero = new LinkedHashMap<>();
          counters.forEach(
              (name, value) -> {
                if (value != 0) {
                  nonZero.put(name, value);
                }
              });
          if (!nonZero.isEmpty()) {
            moved.put(cell, nonZero);
          }
        });
    return moved;
  }

  public boolean isEmpty() {
    return cells().isEmpty();
  }

  private void add(Mark mark, long sign) {
    for (StatsSpan span : StatsSpan.values()) {
      Map<String, Long> counters =
          cells.computeIfAbsent(
              new StatsCell(span, span.period(mark.at()), mark.type()),
              cell -> new LinkedHashMap<>());
      for (String counter : mark.counters()) {
        counters.merge(counter, sign, Long::sum);
      }
    }
  }

  /** Where one record counts. */
  private record Mark(String type, Instant at, List<String> counters) {
    static Optional<Mark> of(JobRecord job) {
      Instant at = statusTime(job);
      if (at == null) {
        return Optional.empty();
      }
      List<String> counters = new ArrayList<>();
      counters.add(StatsCounter.status(job.status()));
      if (job.status().isTerminal() && job.startedAt() != null && job.finishedAt() != null) {
        counters.add(
            StatsCounter.runTime(
                RunTimeBuckets.of(Duration.between(job.startedAt(), job.finishedAt()).toMillis())));
      }
      if (job.status() == JobStatus.FAILED) {
        counters.add(
            StatsCounter.failure(
                job.error() == null ? null : job.error().type(),
                job.error() == null ? null : job.error().condition()));
      }
      return Optional.of(new Mark(job.type() == null ? "" : job.type(), at, counters));
    }
  }

  /** When the job entered its status: the list's order (the store's {@code JobCursor} agrees). */
  static Instant statusTime(JobRecord job) {
    return switch (job.status()) {
      case QUEUED -> job.queuedAt();
      case RUNNING -> job.startedAt();
      case SUCCEEDED, FAILED, CANCELLED -> job.finishedAt();
    };
  }
}
