package dev.jobs.backend.stats;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The three granularities the counters are kept at, each written with every change, so that a
 * window reads whole days, then the hours and minutes at its edges: a 30-day window reads about 30
 * day counters per type instead of 43,200 minutes.
 *
 * <p>A period is named by sortable text ({@code 2026-12-06}, {@code 2026-12-06T10}, {@code
 * 2026-12-06T10:09}); the periods of one span sort as time does. A period's group is the next
 * coarser period (a minute's hour, an hour's day, a day's month): DynamoDB keys its items by it, so
 * that one query reads a range of periods.
 */
public enum StatsSpan {
  MINUTE("m", ChronoUnit.MINUTES, "yyyy-MM-dd'T'HH:mm", 13),
  HOUR("h", ChronoUnit.HOURS, "yyyy-MM-dd'T'HH", 10),
  DAY("d", ChronoUnit.DAYS, "yyyy-MM-dd", 7);

  private final String code;
  private final ChronoUnit unit;
  private final DateTimeFormatter format;
  private final int groupLength;

  StatsSpan(String code, ChronoUnit unit, String pattern, int groupLength) {
    this.code = code;
    this.unit = unit;
    this.format = DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC);
    this.groupLength = groupLength;
  }

  /** One letter: {@code m}, {@code h} or {@code d}. */
  public String code() {
    return code;
  }

  public ChronoUnit unit() {
    return unit;
  }

  /** The period that holds an instant. */
  public String period(Instant at) {
    return format.format(at);
  }

  /** The coarser period a period belongs to: {@code 2026-12-06T10:09} belongs to {@code T10}. */
  public String group(String period) {
    return period.substring(0, groupLength);
  }

  /** The start of the period that holds an instant. */
  public Instant floor(Instant at) {
    return at.truncatedTo(unit);
  }

  /** The start of the first period that starts at or after an instant. */
  public Instant ceiling(Instant at) {
    Instant floor = floor(at);
    return floor.equals(at) ? at : floor.plus(1, unit);
  }

  /** The first instant after the group that holds an instant (the next hour, day or month). */
  public Instant nextGroup(Instant at) {
    return switch (this) {
      case MINUTE -> at.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
      case HOUR -> at.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
      case DAY ->
          at.atZone(ZoneOffset.UTC)
              .toLocalDate()
              .withDayOfMonth(1)
              .plusMonths(1)
              .atStartOfDay(ZoneOffset.UTC)
              .toInstant();
    };
  }

  /** The start of a period named as {@link #period} names it. */
  public Instant start(String period) {
    return Instant.parse(
        switch (this) {
          case MINUTE -> period + ":00Z";
          case HOUR -> period + ":00:00Z";
          case DAY -> period + "T00:00:00Z";
        });
  }

  public static StatsSpan ofCode(String code) {
    for (StatsSpan span : values()) {
      if (span.code.equals(code)) {
        return span;
      }
    }
    throw new IllegalArgumentException("no span " + code);
  }
}
