package dev.jobs.backend.stats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The window of a {@code GET /jobs/stats}: whole minutes ({@code since} down to its minute, {@code
 * until} up to the next), because the finest counters are per minute; and the ranges of counters
 * that cover it exactly: the whole days inside, then the whole hours, then the minutes at the
 * edges. A 30-day window is 29 or 30 days, at most 46 hours and 118 minutes.
 *
 * @param type only jobs of this type, or every type
 */
public record StatsWindow(Instant since, Instant until, Optional<String> type) {
  public StatsWindow {
    since = StatsSpan.MINUTE.floor(since);
    until = StatsSpan.MINUTE.ceiling(until);
  }

  /** The ranges that cover the window, each period in exactly one of them. */
  public List<StatsRange> ranges() {
    List<StatsRange> ranges = new ArrayList<>();
    cover(StatsSpan.DAY, since, until, ranges);
    return ranges;
  }

  private static void cover(StatsSpan span, Instant from, Instant to, List<StatsRange> ranges) {
    if (!from.isBefore(to)) {
      return;
    }
    if (span == StatsSpan.MINUTE) {
      ranges.add(new StatsRange(span, from, to));
      return;
    }
    StatsSpan finer = span == StatsSpan.DAY ? StatsSpan.HOUR : StatsSpan.MINUTE;
    Instant first = span.ceiling(from);
    Instant end = span.floor(to);
    if (first.isBefore(end)) {
      cover(finer, from, first, ranges);
      ranges.add(new StatsRange(span, first, end));
      cover(finer, end, to, ranges);
    } else {
      cover(finer, from, to, ranges);
    }
  }
}
