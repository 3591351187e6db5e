package dev.jobs.backend.stats;

import dev.jobs.backend.job.JobStatus;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The counters of a window summed, by job type; and the days whose counters hold a RUNNING job,
 * which tells a store which partitions of its status index to read for them.
 */
public final class Aggregates {
  private final Map<String, Map<String, Long>> byType = new TreeMap<>();
  private final Map<String, Long> runningByDay = new TreeMap<>();

  /** Adds one cell's counters. */
  public void add(StatsCell cell, Map<String, Long> counters) {
    Map<String, Long> sums = byType.computeIfAbsent(cell.type(), type -> new TreeMap<>());
    counters.forEach((name, value) -> sums.merge(name, value, Long::sum));
    Long running = counters.get(StatsCounter.status(JobStatus.RUNNING));
    if (running != null) {
      runningByDay.merge(cell.period().substring(0, 10), running, Long::sum);
    }
  }

  /** Counter sums by type, zeros included. */
  public Map<String, Map<String, Long>> byType() {
    return byType;
  }

  /** The UTC days ({@code yyyy-MM-dd}) whose counters hold a RUNNING job, first first. */
  public Set<String> daysWithRunningJobs() {
    Set<String> days = new TreeSet<>();
    runningByDay.forEach(
        (day, count) -> {
          if (count > 0) {
            days.add(day);
          }
        });
    return days;
  }
}
