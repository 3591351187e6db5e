package dev.jobs.backend.store;

import dev.jobs.backend.aws.FunctionEnvironment;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.stats.Aggregates;
import dev.jobs.backend.stats.JobStatsSource;
import dev.jobs.backend.stats.StatsCell;
import dev.jobs.backend.stats.StatsRange;
import dev.jobs.backend.stats.StatsSpan;
import dev.jobs.backend.stats.StatsWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@code GET /jobs/stats} on DynamoDB: the stats table's counter items, which {@link
 * DynamoDbStatsAggregator} keeps from the job table's stream, summed; and the RUNNING jobs from the
 * status index.
 *
 * <p>Counters: one query per range of the window and group of its periods (a month of day items, a
 * day of hour items, an hour of minute items), each reading every type and slot of its periods at
 * once: a 30-day window is about six queries, and reads about 30 day items per type and slot.
 *
 * <p>RUNNING jobs: the index partitions a day's RUNNING jobs over 4 keys, so the oldest and the
 * stalled ones can be in any of them; the counters say which days hold one, and only those days' 4
 * partitions are queried, in parallel, oldest first: usually today's 4 (one round trip), and 4 more
 * for each earlier day that still holds a RUNNING job (a stalled one).
 */
public record DynamoDbJobStatistics(DynamoDbClient dynamo, String jobTable, String statsTable)
    implements JobStatsSource {
  private static final ExecutorService QUERIES =
      Executors.newFixedThreadPool(8, DaemonThreads.named("stats-query"));

  /** The Lambda wiring: {@code TABLE_NAME} and {@code STATS_TABLE_NAME}, as the job store's. */
  public static DynamoDbJobStatistics fromEnvironment(Map<String, String> env) {
    FunctionEnvironment function = new FunctionEnvironment(env);
    return new DynamoDbJobStatistics(
        function.client(
            DynamoDbClient.builder(), DynamoDbJobStore.lambdaCredentials(), "DYNAMODB_ENDPOINT"),
        function.required("TABLE_NAME", "the function needs its job table's name"),
        function.required("STATS_TABLE_NAME", "the function needs its stats table's name"));
  }

  @Override
  public Aggregates sum(StatsWindow window) {
    Aggregates sums = new Aggregates();
    for (StatsRange range : window.ranges()) {
      StatsSpan span = range.span();
      for (Instant at = range.from(); at.isBefore(range.to()); at = span.nextGroup(at)) {
        String partition = StatsItems.partition(span, span.group(span.period(at)));
        for (Map<String, AttributeValue> item : query(partition, range.first(), range.end())) {
          StatsItems.Key key = StatsItems.key(item);
          if (window.type().isEmpty() || window.type().get().equals(key.type())) {
            sums.add(new StatsCell(span, key.period(), key.type()), StatsItems.counters(item));
          }
        }
      }
    }
    return sums;
  }

  private List<Map<String, AttributeValue>> query(String partition, String first, String end) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":pk", AttributeValue.fromS(partition));
    values.put(":first", AttributeValue.fromS(first));
    // Sort keys are "period#slot#type": the bare end period sorts before all of its items.
    values.put(":end", AttributeValue.fromS(end));
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    try {
      QueryPages.read(
          dynamo,
          () ->
              QueryRequest.builder()
                  .tableName(statsTable)
                  .keyConditionExpression("pk = :pk AND sk BETWEEN :first AND :end")
                  .expressionAttributeValues(values),
          items::add);
    } catch (SdkException e) {
      throw new JobStoreException("could not read the counters of table " + statsTable, e);
    }
    return items;
  }

  @Override
  public List<JobRecord> running(StatsWindow window, Aggregates counted, int limit) {
    List<CompletableFuture<List<JobRecord>>> reads = new ArrayList<>();
    String lower = JobCursor.sortable(window.since());
    String upper = JobCursor.sortable(window.until());
    for (String day : counted.daysWithRunningJobs()) {
      for (int shard = 0; shard < DynamoDbJobStore.SHARDS; shard++) {
        String key = JobStatus.RUNNING.name() + "#" + day + "#" + shard;
        reads.add(
            CompletableFuture.supplyAsync(
                () -> runningIn(key, lower, upper, window, limit), QUERIES));
      }
    }
    List<JobRecord> running = new ArrayList<>();
    try {
      reads.forEach(read -> running.addAll(read.join()));
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    running.sort(Comparator.comparing(JobCursor::statusTime).thenComparing(JobRecord::id));
    return running.size() > limit ? List.copyOf(running.subList(0, limit)) : running;
  }

  /** One partition's RUNNING jobs in the window, oldest first, at most {@code limit}. */
  private List<JobRecord> runningIn(
      String key, String lower, String upper, StatsWindow window, int limit) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":key", AttributeValue.fromS(key));
    values.put(":lower", AttributeValue.fromS(lower));
    values.put(":upper", AttributeValue.fromS(upper));
    List<JobRecord> jobs = new ArrayList<>();
    try {
      QueryPages.read(
          dynamo,
          () ->
              QueryRequest.builder()
                  .tableName(jobTable)
                  .indexName(DynamoDbJobStore.INDEX)
                  .keyConditionExpression("listKey = :key AND listAt BETWEEN :lower AND :upper")
                  .expressionAttributeValues(values)
                  .scanIndexForward(true)
                  .limit(limit - jobs.size()),
          item -> {
            JobRecord job = DynamoDbJobStore.toRecord(item);
            // The index is eventually consistent: a job may have ended since.
            if (job.status() == JobStatus.RUNNING
                && (window.type().isEmpty() || window.type().get().equals(job.type()))) {
              jobs.add(job);
            }
            return jobs.size() < limit;
          });
    } catch (SdkException e) {
      throw new JobStoreException("could not read the RUNNING jobs of table " + jobTable, e);
    }
    return jobs;
  }
}
