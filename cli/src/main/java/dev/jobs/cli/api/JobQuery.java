package dev.jobs.cli.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query of {@code GET /jobs}: each part optional, the API's defaults apply to what is absent
 * (every status, the last 24 hours, 20 jobs). The next page repeats the query with the token.
 */
public record JobQuery(String status, Instant since, Instant until, Integer limit, String next) {
  /** The most jobs the API answers in one page. */
  public static final int MAX_LIMIT = 100;

  public JobQuery withNext(String token) {
    return new JobQuery(status, since, until, limit, token);
  }

  /** The query parameters, in name order, as the signature's canonical query has them. */
  Map<String, String> parameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (limit != null) {
      parameters.put("limit", limit.toString());
    }
    if (next != null) {
      parameters.put("next", next);
    }
    if (since != null) {
      parameters.put("since", since.toString());
    }
    if (status != null) {
      parameters.put("status", status);
    }
    if (until != null) {
      parameters.put("until", until.toString());
    }
    return parameters;
  }
}
