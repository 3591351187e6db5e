package dev.jobs.backend.store;

import dev.jobs.backend.job.JobRecord;
import java.util.Optional;

/**
 * Which jobs of a listed window a page holds, besides their status: exact matches on the record's
 * {@code type}, {@code error.type} and {@code error.condition}; an empty part matches every job.
 * Applied by the store, so that a page's size counts matching jobs only.
 */
public record JobFilter(
    Optional<String> type, Optional<String> errorType, Optional<String> condition) {
  /** Every job. */
  public static final JobFilter NONE =
      new JobFilter(Optional.empty(), Optional.empty(), Optional.empty());

  public boolean isEmpty() {
    return type.isEmpty() && errorType.isEmpty() && condition.isEmpty();
  }

  public boolean matches(JobRecord job) {
    return type.map(t -> t.equals(job.type())).orElse(true)
        && errorType.map(t -> job.error() != null && t.equals(job.error().type())).orElse(true)
        && condition
            .map(c -> job.error() != null && c.equals(job.error().condition()))
            .orElse(true);
  }
}
