package dev.jobs.backend.stats;

import dev.jobs.backend.job.JobRecord;
import java.util.List;

/**
 * Where {@code GET /jobs/stats} reads: the counters a store keeps as jobs change, and its status
 * index for the jobs RUNNING now (the only jobs it reads, to tell the stalled ones and the oldest).
 */
public interface JobStatsSource {
  /** The counters of the window's ranges summed, of its type only when it names one. */
  Aggregates sum(StatsWindow window);

  /**
   * The RUNNING jobs whose start falls in the window (of its type only, when it names one), oldest
   * first, at most {@code limit}.
   *
   * @param counted the window's counters, which say which days hold a RUNNING job
   */
  List<JobRecord> running(StatsWindow window, Aggregates counted, int limit);
}
