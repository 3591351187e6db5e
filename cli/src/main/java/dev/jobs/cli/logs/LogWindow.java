package dev.jobs.cli.logs;

import dev.jobs.cli.api.JobPage;
import java.time.Duration;
import java.time.Instant;

/**
 * The time a job's lines can have been written in, from its record: from when it was queued (or
 * started) to when it finished, or now, each a minute wider for clocks that disagree. Bounding the
 * read is what keeps {@code FilterLogEvents} from scanning a log group's whole retention.
 */
public record LogWindow(Instant start, Instant end) {
  static final Duration MARGIN = Duration.ofMinutes(1);

  /**
   * @param since the {@code --since} the operator gave, or null; it narrows, never widens
   */
  public static LogWindow of(JobPage.Job record, Instant now, Instant since) {
    Instant begun =
        record
            .instant("queuedAt")
            .or(() -> record.instant("startedAt"))
            .map(t -> t.minus(MARGIN))
            .orElse(Instant.EPOCH);
    Instant start = since != null && since.isAfter(begun) ? since : begun;
    Instant end =
        record.finished()
            ? record.instant("finishedAt").orElse(now).plus(MARGIN)
            : now.plus(MARGIN);
    return new LogWindow(start, end);
  }
}
