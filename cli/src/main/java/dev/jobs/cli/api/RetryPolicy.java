package dev.jobs.cli.api;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try an API call again: exponential backoff with full jitter, capped, or what the server
 * asked for in {@code Retry-After} when it said.
 *
 * @param attempts how many times a call is made at most
 */
public record RetryPolicy(int attempts, Duration base, Duration cap, Duration longestRetryAfter) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));

  /** The pause before retry number {@code retry} (1 for the first retry). */
  public Duration delay(int retry, String retryAfter, Instant now) {
    Duration asked = parseRetryAfter(retryAfter, now);
    if (asked != null) {
      return asked.compareTo(longestRetryAfter) > 0 ? longestRetryAfter : asked;
    }
    long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(retry - 1, 20));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
  }

  /** {@code Retry-After} is either seconds or an HTTP date. */
  static Duration parseRetryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long seconds = Long.parseLong(value.trim());
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      try {
        Instant at =
            ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration until = Duration.between(now, at);
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }
}
