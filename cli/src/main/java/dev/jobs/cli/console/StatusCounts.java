package dev.jobs.cli.console;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.api.JobQuery;
import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.core.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The jobs page's counts by status: one {@code GET /jobs/stats}, which adds them up from the
 * store's counters whatever the window holds (a page of 100,000 jobs costs what a page of ten
 * does). Its window is whole minutes, the listing's to the instant: a job seconds outside the
 * listed window can be counted. A stack from before that method gets the old way: the list API's
 * pages added up, at most {@link #MOST_PAGES} of them per refresh, past which the counts are lower
 * bounds, shown as such.
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
    Instant until = end.truncatedTo(ChronoUnit.MINUTES);
    Optional<String> stats =
        api.stats(
            start.truncatedTo(ChronoUnit.MINUTES),
            until.equals(end) ? end : until.plus(1, ChronoUnit.MINUTES),
            type,
            0);
    if (stats.isPresent()) {
      JsonNode answer = Json.parse(stats.get()).field("counts").orElse(null);
      for (String status : STATUSES) {
        String count = answer == null ? null : Json.text(answer, status);
        counts.put(status, count == null ? 0 : Integer.parseInt(count));
      }
      return new StatusCounts(counts, true);
    }
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
