package dev.jobs.backend.store;

import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A page of jobs to list: those whose status time is in {@code [since, until)}, newest first.
 *
 * @param status the one status to list, or empty for every status
 * @param limit the page size, at least 1
 * @param after the position of the previous page's last job, or empty for the first page
 * @param filter which jobs of the window and status to list
 */
public record JobQuery(
    Optional<JobStatus> status,
    Instant since,
    Instant until,
    int limit,
    Optional<JobCursor> after,
    JobFilter filter) {
  /** Every job of the window and status. */
  public JobQuery(
      Optional<JobStatus> status,
      Instant since,
      Instant until,
      int limit,
      Optional<JobCursor> after) {
    this(status, since, until, limit, after, JobFilter.NONE);
  }

  public JobQuery {
    if (!since.isBefore(until)) {
      throw new IllegalArgumentException("since must be before until");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
  }

  /** The statuses to list. */
  public List<JobStatus> statuses() {
    return status.map(List::of).orElse(List.of(JobStatus.values()));
  }

  /** Whether a job belongs on a page of this query (ignoring the page size). */
  public boolean matches(JobRecord job) {
    Instant at = JobCursor.statusTime(job);
    return statuses().contains(job.status())
        && at != null
        && !at.isBefore(since)
        && at.isBefore(until)
        && after.map(cursor -> JobCursor.of(job).isAfter(cursor)).orElse(true)
        && filter.matches(job);
  }

  /**
   * The page made of up to {@code limit + 1} matching jobs, newest first: the extra job only tells
   * that there is a next page, whose position is the last job returned.
   */
  public JobPage page(List<JobRecord> newestFirstUpToLimitPlusOne) {
    List<JobRecord> jobs = newestFirstUpToLimitPlusOne;
    if (jobs.size() <= limit) {
      return new JobPage(List.copyOf(jobs), Optional.empty());
    }
    List<JobRecord> page = List.copyOf(jobs.subList(0, limit));
    return new JobPage(page, Optional.of(JobCursor.of(page.get(limit - 1))));
  }
}
