package dev.jobs.backend.list;

import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.store.JobCursor;
import dev.jobs.backend.store.JobFilter;
import dev.jobs.backend.store.JobQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The query parameters of {@code GET /jobs}, read into a {@link JobQuery}: {@code status}, {@code
 * since} (inclusive), {@code until} (exclusive), {@code limit}, {@code next}, and the filters
 * {@code type}, {@code errorType} and {@code condition} (exact matches), all optional. Unknown
 * parameters are ignored, as API Gateway passes them on.
 */
public final class ListParameters {
  public static final String STATUS = "status";
  public static final String SINCE = "since";
  public static final String UNTIL = "until";
  public static final String LIMIT = "limit";
  public static final String TYPE = "type";
  public static final String ERROR_TYPE = "errorType";
  public static final String CONDITION = "condition";

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

  /** The widest window: a page reads every day of it (the index is partitioned by day). */
  public static final Duration MAX_WINDOW = Duration.ofDays(31);

  /**
   * How far a client's clock may be from this one's, as SigV4 allows: the default until's slack.
   */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** The end of the year 9999: the range the index's sortable times hold. */
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,3}");

  private ListParameters() {}

  /**
   * Reads the parameters.
   *
   * @param parameters the query parameters by name (values already percent-decoded); absent or null
   *     values take their defaults
   * @param now the default {@code until}
   * @throws BadParameterException naming the first parameter that cannot be used
   */
  public static JobQuery parse(Map<String, String> parameters, Instant now) {
    Optional<JobStatus> status =
        Optional.ofNullable(parameters.get(STATUS)).map(ListParameters::status);
    Optional<Instant> since =
        Optional.ofNullable(parameters.get(SINCE)).map(v -> instant(SINCE, v));
    Instant until =
        Optional.ofNullable(parameters.get(UNTIL)).map(v -> instant(UNTIL, v)).orElse(now);
    Instant from = since.orElse(until.minus(DEFAULT_WINDOW));
    if (!from.isBefore(until)) {
      throw new BadParameterException(SINCE, "must be before until (" + until + ")");
    }
    // "31 days ago" by the client's clock reaches past 31 days before this one's now by the time
    // the request arrives, and by the clocks' skew: SigV4 takes 5 minutes of it, so does this.
    Duration widest = parameters.get(UNTIL) == null ? MAX_WINDOW.plus(CLOCK_SKEW) : MAX_WINDOW;
    if (Duration.between(from, until).compareTo(widest) > 0) {
      throw new BadParameterException(
          SINCE, "the window from since to until may span at most 31 days");
    }
    int limit =
        Optional.ofNullable(parameters.get(LIMIT)).map(ListParameters::limit).orElse(DEFAULT_LIMIT);
    Optional<JobCursor> after =
        Optional.ofNullable(parameters.get(PageToken.PARAMETER)).map(PageToken::decode);
    JobFilter filter =
        new JobFilter(
            QueryFilter.read(parameters, TYPE),
            QueryFilter.read(parameters, ERROR_TYPE),
            QueryFilter.read(parameters, CONDITION));
    return new JobQuery(status, from, until, limit, after, filter);
  }

  private static JobStatus status(String value) {
    for (JobStatus status : JobStatus.values()) {
      if (status.name().equals(value)) {
        return status;
      }
    }
    throw new BadParameterException(
        STATUS, "must be QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED");
  }

  private static Instant instant(String name, String value) {
    return QueryInstant.parse(name, value, LATEST);
  }

  private static int limit(String value) {
    if (DIGITS.matcher(value).matches()) {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    }
    throw new BadParameterException(LIMIT, "must be an integer from 1 to " + MAX_LIMIT);
  }
}
