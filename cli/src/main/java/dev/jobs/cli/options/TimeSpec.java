package dev.jobs.cli.options;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A point in time as typed: an ISO-8601 instant, or a duration ago ({@code 90m}, {@code 3d}). Only
 * {@link Converter} names picocli (see {@link Durations} for why).
 */
public record TimeSpec(String text) {
  /** Picocli keeps the text; the instant depends on the clock at run time. */
  public static final class Converter extends Parsing<TimeSpec> {
    public Converter() {
      super(TimeSpec::parse);
    }
  }

  /**
   * The time typed, checked; an {@link IllegalArgumentException} saying why for one that is not.
   */
  public static TimeSpec parse(String value) {
    resolve(value, Instant.EPOCH.plusSeconds(1L << 40));
    return new TimeSpec(value);
  }

  public Instant resolve(Instant now) {
    return resolve(text, now);
  }

  static Instant resolve(String value, Instant now) {
    String text = value.trim();
    if (text.length() > 10 && Character.isDigit(text.charAt(0)) && text.contains("T")) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        try {
          return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
          throw new IllegalArgumentException(
              "'" + value + "' is not an ISO-8601 instant such as 2026-11-26T20:00:00Z");
        }
      }
    }
    try {
      return now.minus(Durations.parse(text));
    } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "'" + value + "' is neither an ISO-8601 instant nor a duration ago such as 90m, 2h, 3d");
    }
  }
}
