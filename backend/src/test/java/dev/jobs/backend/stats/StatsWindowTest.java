package dev.jobs.backend.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatsWindowTest {
  @Test
  void aWindowIsWholeMinutes_sinceDown_untilUp() {
    StatsWindow window =
        new StatsWindow(
            Instant.parse("2026-12-06T10:09:57.5Z"),
            Instant.parse("2026-12-06T11:09:01Z"),
            Optional.empty());

    assertThat(window.since()).isEqualTo(Instant.parse("2026-12-06T10:09:00Z"));
    assertThat(window.until()).isEqualTo(Instant.parse("2026-12-06T11:10:00Z"));
  }

  @Test
  void thirtyDays_readWholeDays_thenTheHoursAndMinutesAtTheEdges() {
    StatsWindow window =
        new StatsWindow(
            Instant.parse("2026-11-06T10:09:00Z"),
            Instant.parse("2026-12-06T10:10:00Z"),
            Optional.empty());

    List<StatsRange> ranges = window.ranges();

    assertThat(ranges)
        .extracting(StatsRange::span, StatsRange::first, StatsRange::end)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                StatsSpan.MINUTE, "2026-11-06T10:09", "2026-11-06T11:00"),
            org.assertj.core.groups.Tuple.tuple(StatsSpan.HOUR, "2026-11-06T11", "2026-11-07T00"),
            org.assertj.core.groups.Tuple.tuple(StatsSpan.DAY, "2026-11-07", "2026-12-06"),
            org.assertj.core.groups.Tuple.tuple(StatsSpan.HOUR, "2026-12-06T00", "2026-12-06T10"),
            org.assertj.core.groups.Tuple.tuple(
                StatsSpan.MINUTE, "2026-12-06T10:00", "2026-12-06T10:10"));
  }

  @Test
  void theRangesCoverEveryMinuteOnce() {
    Instant since = Instant.parse("2026-02-27T22:17:00Z");
    Instant until = Instant.parse("2026-03-02T01:03:00Z");
    long minutes =
        new StatsWindow(since, until, Optional.empty())
            .ranges().stream()
                .mapToLong(
                    range -> java.time.Duration.between(range.from(), range.to()).toMinutes())
                .sum();

    assertThat(minutes).isEqualTo(java.time.Duration.between(since, until).toMinutes());
  }
}
