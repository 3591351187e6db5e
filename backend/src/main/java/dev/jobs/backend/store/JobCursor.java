package dev.jobs.backend.store;

import dev.jobs.backend.job.JobRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;

/**
 * A position in the list of jobs, newest status time first: the status time and id of the last job
 * of a page. A job's status time is when it entered its current status: {@code queuedAt} while
 * {@code QUEUED}, {@code startedAt} while {@code RUNNING}, {@code finishedAt} once it has ended.
 */
public record JobCursor(Instant at, String id) {
  /** Newest status time first; ties broken by id, descending. */
  public static final Comparator<JobCursor> NEWEST_FIRST =
      Comparator.comparing(JobCursor::at).thenComparing(JobCursor::id).reversed();

  /**
   * Instants with fixed nine-digit nanoseconds, so that their text sorts as they do in time (years
   * 0000 to 9999, which the list's parameters keep to).
   */
  private static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  public static JobCursor of(JobRecord record) {
    return new JobCursor(statusTime(record), record.id());
  }

  /** When the job entered its current status. */
  public static Instant statusTime(JobRecord record) {
    return switch (record.status()) {
      case QUEUED -> record.queuedAt();
      case RUNNING -> record.startedAt();
      case SUCCEEDED, FAILED, CANCELLED -> record.finishedAt();
    };
  }

  /**
   * The instant as text that sorts as time does, such as {@code 2026-11-29T10:00:00.123000000Z}.
   */
  public static String sortable(Instant instant) {
    return SORTABLE.format(instant);
  }

  /** True when a job at this position comes after (is older than) the given one. */
  public boolean isAfter(JobCursor other) {
    return NEWEST_FIRST.compare(this, other) > 0;
  }
}
