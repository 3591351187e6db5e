package dev.jobs.cli.output;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Times as text output shows them: to the second ({@code 2026-11-29T21:55:58Z}); the API's
 * nanoseconds help no reader of a table. JSON output keeps the API's own text.
 */
public final class Timestamps {
  private Timestamps() {}

  /** The instant to the second; text that is not an ISO-8601 instant as it is. */
  public static String toSecond(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text).truncatedTo(ChronoUnit.SECONDS).toString();
    } catch (DateTimeParseException e) {
      return text;
    }
  }
}
