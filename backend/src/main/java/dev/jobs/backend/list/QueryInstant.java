package dev.jobs.backend.list;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * An instant given as a query parameter ({@code since}, {@code until}) of {@code GET /jobs} and
 * {@code GET /jobs/stats}: ISO-8601, at most 64 characters, from the year 0000 on (the range the
 * index's sortable times hold).
 */
public final class QueryInstant {
  private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
  private static final int MAX_LENGTH = 64;

  private QueryInstant() {}

  /**
   * @param latest the latest instant the caller can use
   * @throws BadParameterException naming {@code name} when {@code value} is not such an instant
   */
  public static Instant parse(String name, String value, Instant latest) {
    try {
      if (value.length() <= MAX_LENGTH) {
        Instant instant = Instant.parse(value);
        if (!instant.isBefore(EARLIEST) && !instant.isAfter(latest)) {
          return instant;
        }
      }
    } catch (DateTimeParseException e) {
      // answered below
    }
    throw new BadParameterException(
        name, "must be an ISO-8601 instant such as 2026-11-29T10:00:00Z");
  }
}
