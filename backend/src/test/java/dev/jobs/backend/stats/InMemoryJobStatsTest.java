package dev.jobs.backend.stats;

import dev.jobs.backend.store.InMemoryJobStore;
import dev.jobs.backend.store.JobStore;

/** The counters' contract on the in-memory store, each write counted as it happens. */
class InMemoryJobStatsTest extends JobStatsContract {
  private final InMemoryJobStats stats = new InMemoryJobStats(new InMemoryJobStore());

  @Override
  protected JobStore store() {
    return stats;
  }

  @Override
  protected JobStatsSource statistics() {
    return stats;
  }
}
