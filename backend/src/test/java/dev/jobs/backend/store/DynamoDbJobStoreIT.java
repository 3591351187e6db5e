package dev.jobs.backend.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobProgress;
import dev.jobs.backend.store.JobStore.JobFailure;
import dev.jobs.backend.store.JobStore.JobStart;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The job store contract against a real DynamoDB API: a {@code moto_server} on loopback. */
class DynamoDbJobStoreIT extends JobStoreContract {
  private static final String TABLE = "jobs";

  @RegisterExtension
  static final MotoForClass MOTO = new MotoForClass("the DynamoDB integration test");

  private static DynamoDbClient dynamo;
  private static DynamoDbJobStore store;

  @BeforeAll
  static void createTable() {
    if (!MOTO.isRunning()) {
      return;
    }
    dynamo = MOTO.dynamoDb();
    MotoServer.createJobsTable(dynamo, TABLE);
    store = new DynamoDbJobStore(dynamo, TABLE);
  }

  @Override
  protected JobStore store() {
    return store;
  }

  /** Starts a sleep of {@code seconds} at {@code now}, to expire at 99. */
  private void startSleep(String id, int seconds, Instant now, Integer timeoutSeconds) {
    store.start(
        new JobStart(
            id,
            "sleep",
            JobJson.MAPPER.createObjectNode().put("seconds", seconds),
            now,
            99,
            null,
            timeoutSeconds,
            null));
  }

  /** The job's item as the table holds it, read past the store. */
  private Map<String, AttributeValue> item(String id) {
    return dynamo
        .getItem(b -> b.tableName(TABLE).key(Map.of("id", AttributeValue.fromS(id))))
        .item();
  }

  @Test
  void item_hasTheAttributeTypesTheApiMappingTemplateReads() {
    Instant now = Instant.parse("2026-03-04T05:06:07Z");
    startSleep("format", 2, now, null);
    store.fail(
        new JobFailure(
            "format", "sleep", null, new JobError("E", "boom", "RetriesExhausted"), now, 100));

    Map<String, AttributeValue> item = item("format");

    assertThat(item.get("id").s()).isEqualTo("format");
    assertThat(item.get("status").s()).isEqualTo("FAILED");
    assertThat(item.get("type").s()).isEqualTo("sleep");
    assertThat(item.get("parameters").s()).isEqualTo("{\"seconds\":2}");
    assertThat(item.get("error").s())
        .isEqualTo("{\"type\":\"E\",\"message\":\"boom\",\"condition\":\"RetriesExhausted\"}");
    assertThat(item.get("attempts").n()).isEqualTo("1");
    assertThat(item.get("startedAt").s()).isEqualTo("2026-03-04T05:06:07Z");
    assertThat(item.get("finishedAt").s()).isEqualTo("2026-03-04T05:06:07Z");
    assertThat(item.get("expiresAt").n()).isEqualTo("100");
    assertThat(item).doesNotContainKey("result");
    assertThat(item.get("listKey").s())
        .isEqualTo("FAILED#2026-03-04#" + Math.floorMod("format".hashCode(), 4));
    assertThat(item.get("listAt").s()).isEqualTo("2026-03-04T05:06:07.000000000Z#format");
  }

  @Test
  void item_holdsProgressHeartbeatCancelAndTimeoutAsTheApiMappingTemplateReadsThem() {
    Instant now = Instant.parse("2026-03-04T05:06:07Z");
    startSleep("steered", 9, now, 900);
    store.progress("steered", 1, new JobProgress(3, 9, "slept 3 of 9 s", now), now.plusSeconds(3));
    store.cancel("steered", now.plusSeconds(4), 99);
    store.cancelled("steered", 1, now.plusSeconds(5));

    Map<String, AttributeValue> item = item("steered");

    assertThat(item.get("status").s()).isEqualTo("CANCELLED");
    assertThat(item.get("progress").s())
        .isEqualTo(
            "{\"done\":3,\"total\":9,\"message\":\"slept 3 of 9 s\",\"at\":\"2026-03-04T05:06:07Z\"}");
    assertThat(item.get("heartbeatAt").s()).isEqualTo("2026-03-04T05:06:10Z");
    assertThat(item.get("cancelRequestedAt").s()).isEqualTo("2026-03-04T05:06:11Z");
    assertThat(item.get("finishedAt").s()).isEqualTo("2026-03-04T05:06:12Z");
    assertThat(item.get("timeoutSeconds").n()).isEqualTo("900");
    assertThat(item.get("listKey").s())
        .isEqualTo("CANCELLED#2026-03-04#" + Math.floorMod("steered".hashCode(), 4));
  }

  @Test
  void missingTable_isAStoreFailureNamingTheTable() {
    DynamoDbJobStore elsewhere = new DynamoDbJobStore(dynamo, "no-such-table");

    assertThatThrownBy(() -> elsewhere.find("any"))
        .isInstanceOf(JobStoreException.class)
        .hasMessageContaining("no-such-table")
        .hasCauseInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> elsewhere.succeed("any", JobJson.MAPPER.nullNode(), Instant.now()))
        .isInstanceOf(JobStoreException.class)
        .hasMessageContaining("no-such-table");
  }
}
