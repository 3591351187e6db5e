package dev.jobs.backend.stats;

import java.time.Instant;

/**
 * Whole periods of one span, {@code from} inclusive, {@code to} exclusive (both period starts).
 * Read as text: the periods from {@link #first()} up to, not including, {@link #end()}.
 */
public record StatsRange(StatsSpan span, Instant from, Instant to) {
  public String first() {
    return span.period(from);
  }

  public String end() {
    return span.period(to);
  }
}
