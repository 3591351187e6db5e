package dev.jobs.backend.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.jobs.backend.stats.JobStatistics;
import dev.jobs.backend.store.DynamoDbJobStatistics;
import java.time.Clock;
import tools.jackson.databind.JsonNode;

/**
 * The stats function behind {@code GET /jobs/stats}: API Gateway's Lambda proxy event in, the proxy
 * response out, from the stats table's counters and the job table's status index (never by reading
 * the window's jobs). A function because one answer sums several queries.
 */
public class JobStatsHandler extends BackendHandler {
  private final JobStatistics statistics;

  /** Lambda's constructor: wired from the environment, once per container. */
  public JobStatsHandler() {
    this(
        new JobStatistics(
            DynamoDbJobStatistics.fromEnvironment(System.getenv()), Clock.systemUTC()));
  }

  public JobStatsHandler(JobStatistics statistics) {
    super(SnapStartHooks.NONE);
    this.statistics = statistics;
  }

  @Override
  JsonNode handle(JsonNode event, Context context) {
    return proxyResponse(
        context, "adding up jobs", () -> statistics.answer(ListJobsHandler.queryParameters(event)));
  }
}
