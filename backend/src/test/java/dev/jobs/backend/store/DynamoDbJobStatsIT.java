package dev.jobs.backend.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.stats.JobStatsContract;
import dev.jobs.backend.stats.JobStatsSource;
import dev.jobs.backend.stats.StatsWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The DynamoDB aggregator against a {@code moto_server}: the job store writes the jobs table, its
 * stream (new and old images) is read and handed to the aggregator in random batches, many of them
 * delivered again, whole or cut in two as Lambda's bisection cuts them, some by a second instance
 * (another slot); the counters must still add up as reading every job does ({@link
 * JobStatsContract}).
 */
class DynamoDbJobStatsIT extends JobStatsContract {
  private static final String JOBS = "jobs";
  private static final String STATS = "jobs-stats";

  @RegisterExtension
  static final MotoForClass MOTO = new MotoForClass("the DynamoDB aggregator's integration test");

  private static DynamoDbClient dynamo;
  private static DynamoDbStreamsClient streams;
  private static DynamoDbJobStore store;
  private static DynamoDbStatsAggregator aggregator;
  private static DynamoDbStatsAggregator another;
  private static String streamArn;
  private static final Map<String, String> AFTER = new HashMap<>();
  private static final SplittableRandom DELIVERIES = new SplittableRandom(7);

  @BeforeAll
  static void createTables() {
    if (!MOTO.isRunning()) {
      return;
    }
    dynamo = MOTO.dynamoDb();
    streams =
        MOTO.closedWithServer(
            DynamoDbStreamsClient.builder()
                .endpointOverride(MOTO.server().endpoint())
                .region(Region.of(MotoServer.REGION))
                .credentialsProvider(MotoForClass.credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build());
    MotoServer.createJobsTable(dynamo, JOBS);
    streamArn =
        dynamo
            .updateTable(
                b ->
                    b.tableName(JOBS)
                        .streamSpecification(
                            s ->
                                s.streamEnabled(true)
                                    .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
            .tableDescription()
            .latestStreamArn();
    dynamo.createTable(
        b ->
            b.tableName(STATS)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(
                    k -> k.attributeName(StatsItems.PK).keyType(KeyType.HASH),
                    k -> k.attributeName(StatsItems.SK).keyType(KeyType.RANGE))
                .attributeDefinitions(
                    a -> a.attributeName(StatsItems.PK).attributeType(ScalarAttributeType.S),
                    a -> a.attributeName(StatsItems.SK).attributeType(ScalarAttributeType.S)));
    store = new DynamoDbJobStore(dynamo, JOBS);
    aggregator = new DynamoDbStatsAggregator(dynamo, STATS, Duration.ofDays(30), 3);
    another = new DynamoDbStatsAggregator(dynamo, STATS, Duration.ofDays(30), 11);
  }

  @Override
  protected DynamoDbJobStore store() {
    return store;
  }

  @Override
  protected JobStatsSource statistics() {
    return new DynamoDbJobStatistics(dynamo, JOBS, STATS);
  }

  /** One history: moto answers a few hundred calls a second. */
  @Override
  protected int histories() {
    return 1;
  }

  /** Reads the stream's new records and delivers them, with redeliveries, to the aggregators. */
  @Override
  protected void settle() {
    List<Record> records = newRecords();
    int from = 0;
    while (from < records.size()) {
      int to = Math.min(records.size(), from + 1 + DELIVERIES.nextInt(40));
      List<Record> batch = records.subList(from, to);
      aggregator.apply(event(batch));
      switch (DELIVERIES.nextInt(4)) {
        case 0 -> aggregator.apply(event(batch)); // the same batch again
        case 1 -> {
          // Bisected, as after a failure: the first half, then the rest, again.
          int half = batch.size() / 2;
          aggregator.apply(event(batch.subList(0, half)));
          aggregator.apply(event(batch.subList(half, batch.size())));
        }
        case 2 -> another.apply(event(batch)); // another instance, another slot
        default -> {
          // delivered once
        }
      }
      from = to;
    }
  }

  @Test
  void aBatchDeliveredAgain_countsNothingMore() {
    Instant at = Instant.parse("2027-06-01T10:00:00Z");
    store.start(
        new JobStore.JobStart(
            "twice", "sleep", JobJson.MAPPER.createObjectNode(), at, 9, null, 900, null));
    store.succeed("twice", JobJson.MAPPER.nullNode(), at.plusSeconds(3));
    List<Record> records = newRecords();

    assertThat(aggregator.apply(event(records))).isEqualTo(2);
    assertThat(aggregator.apply(event(records))).isZero();
    assertThat(another.apply(event(records.subList(1, 2)))).isZero();

    StatsWindow window = new StatsWindow(at, at.plusSeconds(60), Optional.empty());
    Map<String, Long> sleep = statistics().sum(window).byType().get("sleep");
    assertThat(sleep).containsEntry("s.SUCCEEDED", 1L);
    assertThat(sleep.getOrDefault("s.RUNNING", 0L)).isZero();
  }

  private static List<Record> newRecords() {
    List<Record> records = new ArrayList<>();
    for (Shard shard :
        streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
      String after = AFTER.get(shard.shardId());
      String iterator =
          streams
              .getShardIterator(
                  b -> {
                    b.streamArn(streamArn).shardId(shard.shardId());
                    if (after == null) {
                      b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
                    } else {
                      b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                          .sequenceNumber(after);
                    }
                  })
              .shardIterator();
      while (iterator != null) {
        String current = iterator;
        GetRecordsResponse response = streams.getRecords(b -> b.shardIterator(current));
        if (response.records().isEmpty()) {
          break;
        }
        records.addAll(response.records());
        AFTER.put(
            shard.shardId(),
            response.records().get(response.records().size() - 1).dynamodb().sequenceNumber());
        iterator = response.nextShardIterator();
      }
    }
    return records;
  }

  /** Lambda's event for a batch of stream records: DynamoDB JSON images. */
  private static ObjectNode event(List<Record> records) {
    ObjectNode event = JobJson.MAPPER.createObjectNode();
    ArrayNode array = event.putArray("Records");
    for (Record record : records) {
      ObjectNode entry = array.addObject();
      entry.put("eventName", record.eventNameAsString());
      ObjectNode dynamodb = entry.putObject("dynamodb");
      dynamodb.put("SequenceNumber", record.dynamodb().sequenceNumber());
      dynamodb.set("Keys", image(record.dynamodb().keys()));
      if (record.dynamodb().hasOldImage()) {
        dynamodb.set("OldImage", image(record.dynamodb().oldImage()));
      }
      if (record.dynamodb().hasNewImage()) {
        dynamodb.set("NewImage", image(record.dynamodb().newImage()));
      }
    }
    return event;
  }

  private static ObjectNode image(Map<String, AttributeValue> item) {
    ObjectNode image = JobJson.MAPPER.createObjectNode();
    item.forEach((name, value) -> image.set(name, json(value)));
    return image;
  }

  private static ObjectNode json(AttributeValue value) {
    ObjectNode node = JobJson.MAPPER.createObjectNode();
    if (value.s() != null) {
      node.put("S", value.s());
    } else if (value.n() != null) {
      node.put("N", value.n());
    } else if (value.bool() != null) {
      node.put("BOOL", value.bool());
    } else if (value.hasM()) {
      node.set("M", image(value.m()));
    } else if (value.hasL()) {
      ArrayNode list = node.putArray("L");
      value.l().forEach(element -> list.add(json(element)));
    } else {
      node.put("NULL", true);
    }
    return node;
  }
}
