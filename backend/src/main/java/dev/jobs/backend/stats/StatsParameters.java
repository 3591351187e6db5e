package dev.jobs.backend.stats;

import dev.jobs.backend.list.BadParameterException;
import dev.jobs.backend.list.ListParameters;
import dev.jobs.backend.list.QueryFilter;
import dev.jobs.backend.list.QueryInstant;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The query parameters of {@code GET /jobs/stats}: {@code since} (inclusive, default 24 hours
 * before {@code until}), {@code until} (exclusive, default now) and {@code type}, all optional, as
 * {@code GET /jobs} reads them; the window may span up to 400 days, as the counters cost the same
 * for any width. {@code step}, also optional, asks for the window as a series too: whole minutes
 * per point, at most {@link #MAX_POINTS} points, each one a window of its own (what a chart of jobs
 * per minute needs, in one call).
 */
public final class StatsParameters {
  // The window and the type are read as GET /jobs reads them.
  public static final String SINCE = ListParameters.SINCE;
  public static final String UNTIL = ListParameters.UNTIL;
  public static final String TYPE = ListParameters.TYPE;
  public static final String STEP = "step";

  /** The most points a series has: each is one sum of the store's counters. */
  public static final int MAX_POINTS = 120;

  /** A step: whole minutes, as at most 9 digits. */
  private static final Pattern STEP_MINUTES = Pattern.compile("[0-9]{1,9}");

  public static final Duration DEFAULT_WINDOW = ListParameters.DEFAULT_WINDOW;
  public static final Duration MAX_WINDOW = Duration.ofDays(400);
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
    return new StatsWindow(since, until, QueryFilter.read(parameters, TYPE));
  }

  /**
   * The {@code step} of a series over {@code window}, if asked.
   *
   * @throws BadParameterException when it is not a whole number of minutes from 1, or makes more
   *     than {@link #MAX_POINTS} points of the window
   */
  public static Optional<Duration> step(Map<String, String> parameters, StatsWindow window) {
    String value = parameters.get(STEP);
    if (value == null) {
      return Optional.empty();
    }
    if (!STEP_MINUTES.matcher(value).matches() || Long.parseLong(value) < 1) {
      throw new BadParameterException(STEP, "must be a whole number of minutes from 1");
    }
    Duration step = Duration.ofMinutes(Long.parseLong(value));
    long points = Duration.between(window.since(), window.until()).toMinutes();
    points = (points + step.toMinutes() - 1) / step.toMinutes();
    if (points > MAX_POINTS) {
      throw new BadParameterException(
          STEP,
          "makes "
              + points
              + " points of the window; at most "
              + MAX_POINTS
              + ": a step of "
              + ((Duration.between(window.since(), window.until()).toMinutes() + MAX_POINTS - 1)
                  / MAX_POINTS)
              + " minutes or more");
    }
    return Optional.of(step);
  }

  private static Instant instant(String name, String value) {
    return QueryInstant.parse(name, value, LATEST);
  }
}
