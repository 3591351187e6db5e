package dev.jobs.cli.console;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.api.JobQuery;
import dev.jobs.cli.api.JobsClient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The jobs page's counts by status, read through the list API. The API has no counts, so they are
 * added up from its pages, at most {@link #MOST_PAGES} of them per refresh: past that the counts
 * are lower bounds, shown as such, until the stats aggregates of issue 27 count them on the store's
 * side.
 *
 * @param complete whether every job of the window was read
 */
record StatusCounts(Map<String, Integer> counts, boolean complete) {
  static final List<String> STATUSES =
      List.of("QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED");

  /** 20 pages of 100: a refresh every few seconds stays a few dozen milliseconds locally. */
  static final int MOST_PAGES = 20;

  static StatusCounts of(JobsClient api, String type, Instant start, Instant end) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    STATUSES.forEach(status -> counts.put(status, 0));
    JobQuery query = new JobQuery(null, start, end, JobQuery.MAX_LIMIT, null, type, null, null);
    for (int page = 0; page < MOST_PAGES; page++) {
      JobPage read = api.list(query);
      read.jobs().forEach(job -> counts.merge(job.status(), 1, Integer::sum));
      if (read.next().isEmpty()) {
        return new StatusCounts(counts, true);
      }
      query = query.withNext(read.next().get());
    }
    return new StatusCounts(counts, false);
  }
}
