package dev.jobs.backend.store;

import dev.jobs.backend.aws.FunctionEnvironment;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.stats.StatsCell;
import dev.jobs.backend.stats.StatsDeltas;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import tools.jackson.databind.JsonNode;

/**
 * Keeps the counters of {@code GET /jobs/stats} from the job table's stream (new and old images):
 * each change takes the job out of where its old image counted and puts it where its new image
 * counts ({@link StatsDeltas}, the local runtime's code too), summed over the batch and written
 * with {@code TransactWriteItems} together with, for each job, the sequence number of its last
 * change counted ({@code seq}, conditional on the value read before). A change at or below a job's
 * {@code seq} is skipped, so a batch delivered twice, retried, or cut anew by Lambda's bisection
 * counts each change once. The check is per job, not per stream shard, because a Lambda stream
 * record names no shard, and because the stream keeps one item's changes in order (whatever the
 * parallelization factor), which is all the check needs.
 *
 * <p>A transaction holds at most 100 items: a batch is written in chunks of changes whose counter
 * items and jobs fit, each chunk its own transaction, in order. Counter items are written in this
 * instance's slot ({@link StatsItems}); a transaction that meets another on an item is retried in
 * another slot. Removals (the table's TTL) are not counted: the counters expire with the jobs.
 */
public final class DynamoDbStatsAggregator {
  /** Counter slots: concurrent instances write apart, and a read sums at most 16 per period. */
  static final int SLOTS = 16;

  /** DynamoDB's limit of items in one transaction. */
  static final int MAX_ITEMS = 100;

  private static final int ROUNDS = 8;
  private static final Duration SEEN_MARGIN = Duration.ofDays(1);

  private final DynamoDbClient dynamo;
  private final String table;
  private final Duration retention;
  private int slot;

  public DynamoDbStatsAggregator(
      DynamoDbClient dynamo, String table, Duration retention, int slot) {
    this.dynamo = dynamo;
    this.table = table;
    this.retention = retention;
    this.slot = Math.floorMod(slot, SLOTS);
  }

  /** The Lambda wiring: {@code STATS_TABLE_NAME}; a random slot per instance. */
  public static DynamoDbStatsAggregator fromEnvironment(
      Map<String, String> env, Duration retention) {
    FunctionEnvironment function = new FunctionEnvironment(env);
    return new DynamoDbStatsAggregator(
        function.client(
            DynamoDbClient.builder(), DynamoDbJobStore.lambdaCredentials(), "DYNAMODB_ENDPOINT"),
        function.required("STATS_TABLE_NAME", "the function needs its stats table's name"),
        retention,
        // Instances only need to differ, not to be unpredictable: the clock spreads them.
        Math.floorMod(Long.hashCode(System.nanoTime()), SLOTS));
  }

  /** One change of a job as the stream delivers it. */
  record Change(
      String id, BigInteger sequence, Optional<JobRecord> before, Optional<JobRecord> after) {
    StatsDeltas deltas() {
      return new StatsDeltas().change(before, after);
    }
  }

  /**
   * Counts a batch of stream records.
   *
   * @param event Lambda's DynamoDB stream event, {@code {"Records": [...]}}
   * @return how many changes were counted now (not before)
   * @throws JobStoreException when the table refuses: Lambda then retries the batch, and what was
   *     counted stays counted once
   */
  public int apply(JsonNode event) {
    List<Change> changes = new ArrayList<>();
    for (JsonNode record : event.path("Records")) {
      if ("REMOVE".equals(record.path("eventName").asString(""))) {
        continue;
      }
      Change change = change(record);
      // A heartbeat or progress write moves no counter and needs no mark.
      if (!change.deltas().isEmpty()) {
        changes.add(change);
      }
    }
    if (changes.isEmpty()) {
      return 0;
    }
    Set<String> ids = new LinkedHashSet<>();
    changes.forEach(change -> ids.add(change.id()));
    Map<String, BigInteger> seen = seen(ids);
    int counted = 0;
    List<Change> chunk = new ArrayList<>();
    for (Change change : changes) {
      chunk.add(change);
      if (items(chunk) > MAX_ITEMS) {
        chunk.remove(chunk.size() - 1);
        counted += write(chunk, seen);
        chunk = new ArrayList<>(List.of(change));
      }
    }
    return counted + write(chunk, seen);
  }

  private static int items(List<Change> chunk) {
    StatsDeltas deltas = new StatsDeltas();
    Set<String> ids = new LinkedHashSet<>();
    for (Change change : chunk) {
      deltas.change(change.before(), change.after());
      ids.add(change.id());
    }
    return deltas.cells().size() + ids.size();
  }

  /** Writes one chunk in one transaction; {@code seen} follows what is written. */
  private int write(List<Change> changes, Map<String, BigInteger> seen) {
    List<Change> chunk = fresh(changes, seen);
    for (int round = 1; !chunk.isEmpty(); round++) {
      StatsDeltas deltas = new StatsDeltas();
      Map<String, Change> last = new LinkedHashMap<>();
      for (Change change : chunk) {
        deltas.change(change.before(), change.after());
        last.put(change.id(), change);
      }
      List<TransactWriteItem> items = new ArrayList<>();
      deltas.cells().forEach((cell, counters) -> items.add(counterUpdate(cell, counters)));
      last.values().forEach(change -> items.add(seenUpdate(change, seen.get(change.id()))));
      try {
        dynamo.transactWriteItems(b -> b.transactItems(items));
        last.values().forEach(change -> seen.put(change.id(), change.sequence()));
        return chunk.size();
      } catch (TransactionCanceledException e) {
        if (round == ROUNDS) {
          throw new JobStoreException("could not count changes in table " + table, e);
        }
        List<String> reasons =
            e.hasCancellationReasons()
                ? e.cancellationReasons().stream().map(CancellationReason::code).toList()
                : List.of();
        if (reasons.contains("ConditionalCheckFailed")) {
          // Another delivery of these changes counted some of them first: read what it did.
          seen.putAll(seen(last.keySet()));
          chunk = fresh(chunk, seen);
        } else {
          // Another instance's transaction holds one of this slot's items: move aside.
          slot = (slot + 1 + Math.floorMod(Long.hashCode(System.nanoTime()), SLOTS - 1)) % SLOTS;
          pause(round);
        }
      } catch (SdkException e) {
        throw new JobStoreException("could not count changes in table " + table, e);
      }
    }
    return 0;
  }

  private static List<Change> fresh(List<Change> changes, Map<String, BigInteger> seen) {
    List<Change> fresh = new ArrayList<>();
    for (Change change : changes) {
      BigInteger counted = seen.get(change.id());
      if (counted == null || change.sequence().compareTo(counted) > 0) {
        fresh.add(change);
      }
    }
    return fresh;
  }

  private static void pause(int round) {
    try {
      Thread.sleep(Math.floorMod(System.nanoTime(), 10L << Math.min(round, 6)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JobStoreException("interrupted while counting changes", e);
    }
  }

  private TransactWriteItem counterUpdate(StatsCell cell, Map<String, Long> counters) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    StringBuilder add = new StringBuilder();
    int i = 0;
    for (Map.Entry<String, Long> counter : counters.entrySet()) {
      names.put("#c" + i, counter.getKey());
      values.put(":c" + i, AttributeValue.fromN(Long.toString(counter.getValue())));
      add.append(i == 0 ? " ADD " : ", ").append("#c").append(i).append(" :c").append(i);
      i++;
    }
    Instant end = cell.span().start(cell.period()).plus(1, cell.span().unit());
    values.put(":exp", AttributeValue.fromN(Long.toString(end.plus(retention).getEpochSecond())));
    names.put("#exp", StatsItems.EXPIRES_AT);
    return TransactWriteItem.builder()
        .update(
            Update.builder()
                .tableName(table)
                .key(StatsItems.key(cell, slot))
                .updateExpression("SET #exp = if_not_exists(#exp, :exp)" + add)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build())
        .build();
  }

  private TransactWriteItem seenUpdate(Change change, BigInteger read) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":seq", AttributeValue.fromN(change.sequence().toString()));
    long expires =
        change.after().map(JobRecord::expiresAt).filter(at -> at > 0).orElse(0L) == 0
            ? Instant.now().plus(retention).getEpochSecond()
            : change.after().get().expiresAt();
    values.put(":exp", AttributeValue.fromN(Long.toString(expires + SEEN_MARGIN.toSeconds())));
    String condition;
    if (read == null) {
      condition = "attribute_not_exists(#seq)";
    } else {
      condition = "#seq = :read";
      values.put(":read", AttributeValue.fromN(read.toString()));
    }
    return TransactWriteItem.builder()
        .update(
            Update.builder()
                .tableName(table)
                .key(StatsItems.seenKey(change.id()))
                .updateExpression("SET #seq = :seq, #exp = :exp")
                .conditionExpression(condition)
                .expressionAttributeNames(
                    Map.of("#seq", StatsItems.SEQ, "#exp", StatsItems.EXPIRES_AT))
                .expressionAttributeValues(values)
                .build())
        .build();
  }

  /** The last change counted of each job, read consistently; jobs never counted are absent. */
  private Map<String, BigInteger> seen(Set<String> ids) {
    Map<String, BigInteger> seen = new HashMap<>();
    List<String> all = new ArrayList<>(ids);
    try {
      for (int from = 0; from < all.size(); from += MAX_ITEMS) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String id : all.subList(from, Math.min(all.size(), from + MAX_ITEMS))) {
          keys.add(StatsItems.seenKey(id));
        }
        Map<String, KeysAndAttributes> request =
            Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        while (!request.isEmpty()) {
          Map<String, KeysAndAttributes> asked = request;
          BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(asked));
          for (Map<String, AttributeValue> item :
              response.responses().getOrDefault(table, List.of())) {
            String id = item.get(StatsItems.PK).s().substring("job#".length());
            seen.put(id, new BigInteger(item.get(StatsItems.SEQ).n()));
          }
          request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
      }
    } catch (SdkException e) {
      throw new JobStoreException("could not read the counted changes of table " + table, e);
    }
    return seen;
  }

  /** A stream record read into a change: its job, sequence number, old and new images. */
  static Change change(JsonNode record) {
    JsonNode dynamodb = record.path("dynamodb");
    return new Change(
        dynamodb.path("Keys").path("id").path("S").asString(""),
        new BigInteger(dynamodb.path("SequenceNumber").asString("0")),
        image(dynamodb.path("OldImage")),
        image(dynamodb.path("NewImage")));
  }

  private static Optional<JobRecord> image(JsonNode image) {
    if (!image.isObject() || !image.has("status") || !image.has("id")) {
      return Optional.empty();
    }
    Map<String, AttributeValue> item = new HashMap<>();
    image.properties().forEach(field -> item.put(field.getKey(), attribute(field.getValue())));
    return Optional.of(DynamoDbJobStore.toRecord(item));
  }

  /** DynamoDB's JSON of one attribute value, as a stream record carries it. */
  static AttributeValue attribute(JsonNode value) {
    Map.Entry<String, JsonNode> typed = value.properties().iterator().next();
    JsonNode v = typed.getValue();
    return switch (typed.getKey()) {
      case "S" -> AttributeValue.fromS(v.asString());
      case "N" -> AttributeValue.fromN(v.asString());
      case "BOOL" -> AttributeValue.fromBool(v.asBoolean());
      case "NULL" -> AttributeValue.fromNul(true);
      case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(v.binaryValue()));
      case "SS" -> AttributeValue.fromSs(strings(v));
      case "NS" -> AttributeValue.fromNs(strings(v));
      case "L" -> {
        List<AttributeValue> list = new ArrayList<>();
        v.forEach(element -> list.add(attribute(element)));
        yield AttributeValue.fromL(list);
      }
      case "M" -> {
        Map<String, AttributeValue> map = new HashMap<>();
        v.properties().forEach(field -> map.put(field.getKey(), attribute(field.getValue())));
        yield AttributeValue.fromM(map);
      }
      default -> throw new IllegalArgumentException("an attribute of type " + typed.getKey());
    };
  }

  private static List<String> strings(JsonNode array) {
    List<String> strings = new ArrayList<>();
    array.forEach(element -> strings.add(element.asString()));
    return strings;
  }
}
