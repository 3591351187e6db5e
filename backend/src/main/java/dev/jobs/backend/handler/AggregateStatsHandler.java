package dev.jobs.backend.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.store.DynamoDbStatsAggregator;
import tools.jackson.databind.JsonNode;

/**
 * The aggregator: the job table's stream (new and old images) in, the counters of {@code GET
 * /jobs/stats} moved. A failure throws, and Lambda retries the batch (bisecting it): the changes
 * already counted are skipped, each by its job's last counted sequence number. No SnapStart: nobody
 * waits for it.
 */
public class AggregateStatsHandler extends BackendHandler {
  private final DynamoDbStatsAggregator aggregator;

  /** Lambda's constructor: wired from the environment, once per container. */
  public AggregateStatsHandler() {
    this(
        DynamoDbStatsAggregator.fromEnvironment(
            System.getenv(), Backend.retention(System.getenv())));
  }

  public AggregateStatsHandler(DynamoDbStatsAggregator aggregator) {
    super(SnapStartHooks.NONE);
    this.aggregator = aggregator;
  }

  @Override
  JsonNode handle(JsonNode event, Context context) {
    int counted = aggregator.apply(event);
    return JobJson.MAPPER.createObjectNode().put("counted", counted);
  }
}
