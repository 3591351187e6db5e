package dev.jobs.cli.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query of {@code GET /jobs}: each part optional, the API's defaults apply to what is absent
 * (every status, the last 24 hours, 20 jobs). The next page repeats the query with the token.
 *
 * @param type only jobs of this kind (exact)
 * @param errorType only jobs whose {@code error.type} is this (exact)
 * @param condition only jobs whose {@code error.condition} is this (exact)
 */
public record JobQuery(
    String status,
    Instant since,
    Instant until,
    Integer limit,
    String next,
    String type,
    String errorType,
    String condition) {
  /** The most jobs the API answers in one page. */
  public static final int MAX_LIMIT = 100;

  /** A query with no filter but the status and the window. */
  public JobQuery(String status, Instant since, Instant until, Integer limit, String next) {
    this(status, since, until, limit, next, null, null, null);
  }

  public JobQuery withNext(String token) {
    return new JobQuery(status, since, until, limit, token, type, errorType, condition);
  }

  /** The same filter, for another window, from its first page, in the largest pages. */
  public JobQuery within(Instant start, Instant end) {
    return new JobQuery(status, start, end, MAX_LIMIT, null, type, errorType, condition);
  }

  /** The query parameters, in name order, as the signature's canonical query has them. */
  Map<String, String> parameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    putPresent(parameters, "condition", condition);
    putPresent(parameters, "errorType", errorType);
    putPresent(parameters, "limit", limit);
    putPresent(parameters, "next", next);
    putPresent(parameters, "since", since);
    putPresent(parameters, "status", status);
    putPresent(parameters, "type", type);
    putPresent(parameters, "until", until);
    return parameters;
  }

  /** An absent part is left out, so that the API applies its default. */
  private static void putPresent(Map<String, String> parameters, String name, Object value) {
    if (value != null) {
      parameters.put(name, value.toString());
    }
  }
}
