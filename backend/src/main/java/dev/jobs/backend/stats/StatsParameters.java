package dev.jobs.backend.stats;

import dev.jobs.backend.list.BadParameterException;
import dev.jobs.backend.list.QueryInstant;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The query parameters of {@code GET /jobs/stats}: {@code since} (inclusive, default 24 hours
 * before {@code until}), {@code until} (exclusive, default now) and {@code type}, all optional, as
 * {@code GET /jobs} reads them; the window may span up to 400 days, as the counters cost the same
 * for any width.
 */
public final class StatsParameters {
  public static final String SINCE = "since";
  public static final String UNTIL = "until";
  public static final String TYPE = "type";
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
  public static final Duration MAX_WINDOW = Duration.ofDays(400);
  private static final int MAX_TYPE_LENGTH = 256;
  private static final Instant LATEST = Instant.parse("9999-12-31T23:00:00Z");

  private StatsParameters() {}

  /**
   * @throws BadParameterException naming the first parameter that cannot be used
   */
  public static StatsWindow parse(Map<String, String> parameters, Instant now) {
    Instant until =
        Optional.ofNullable(parameters.get(UNTIL)).map(v -> instant(UNTIL, v)).orElse(now);
    Instant since =
        Optional.ofNullable(parameters.get(SINCE))
            .map(v -> instant(SINCE, v))
            .orElse(until.minus(DEFAULT_WINDOW));
    if (!since.isBefore(until)) {
      throw new BadParameterException(SINCE, "must be before until (" + until + ")");
    }
    if (Duration.between(since, until).compareTo(MAX_WINDOW) > 0) {
      throw new BadParameterException(
          SINCE, "the window from since to until may span at most 400 days");
    }
    String type = parameters.get(TYPE);
    if (type != null
        && (type.isEmpty()
            || type.length() > MAX_TYPE_LENGTH
            || type.chars().anyMatch(Character::isISOControl))) {
      throw new BadParameterException(
          TYPE, "must be 1 to " + MAX_TYPE_LENGTH + " characters, none of them a control one");
    }
    return new StatsWindow(since, until, Optional.ofNullable(type));
  }

  private static Instant instant(String name, String value) {
    return QueryInstant.parse(name, value, LATEST);
  }
}
