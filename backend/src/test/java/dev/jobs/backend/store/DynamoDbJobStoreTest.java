package dev.jobs.backend.store;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.store.JobStore.JobFailure;
import dev.jobs.backend.store.JobStore.JobStart;
import dev.jobs.backend.testing.WireMockDynamoDb;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The DynamoDB adapter against a stub speaking DynamoDB's JSON 1.0 protocol: what the SDK retries,
 * what the adapter maps to a refused transition, and what becomes a {@link JobStoreException}.
 */
class DynamoDbJobStoreTest {
  private static final String TABLE = "jobs";
  private static final int MAX_ATTEMPTS = 3;
  private static final String JSON_1_0 = WireMockDynamoDb.JSON_1_0;
  private static final String UPDATE_ITEM = "DynamoDB_20120810.UpdateItem";
  private static final String GET_ITEM = "DynamoDB_20120810.GetItem";
  private static final Instant NOW = Instant.parse("2026-05-06T07:08:09Z");

  private WireMockServer dynamoDb;
  private DynamoDbClient client;
  private DynamoDbJobStore store;

  @BeforeEach
  void startStub() {
    dynamoDb = WireMockDynamoDb.start();
    // Production keeps the SDK's retry strategy; only the backoff is shortened here.
    client =
        WireMockDynamoDb.client(dynamoDb)
            .overrideConfiguration(
                o ->
                    o.retryStrategy(
                        b ->
                            b.maxAttempts(MAX_ATTEMPTS)
                                .backoffStrategy(
                                    BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(1)))
                                .throttlingBackoffStrategy(
                                    BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(1)))))
            .build();
    store = new DynamoDbJobStore(client, TABLE);
  }

  @AfterEach
  void stopStub() {
    client.close();
    dynamoDb.stop();
  }

  private static MappingBuilder call(String target) {
    return post(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo(target))
        .withHeader("Content-Type", containing(JSON_1_0));
  }

  private static ResponseDefinitionBuilder ok(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", JSON_1_0).withBody(body);
  }

  private static ResponseDefinitionBuilder awsError(int status, String type, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", JSON_1_0)
        .withBody(
            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
                + type
                + "\",\"message\":\""
                + message
                + "\"}");
  }

  private static ResponseDefinitionBuilder serverError(int status) {
    return awsError(status, "InternalServerError", "Internal server error");
  }

  /** Answers the given responses in order, the last one for every later call. */
  private void answerInTurn(String target, ResponseDefinitionBuilder... responses) {
    String state = STARTED;
    for (int i = 0; i < responses.length; i++) {
      String next = i == responses.length - 1 ? state : "answer " + (i + 1);
      dynamoDb.stubFor(
          call(target)
              .inScenario(target)
              .whenScenarioStateIs(state)
              .willReturn(responses[i])
              .willSetStateTo(next));
      state = next;
    }
  }

  private void assertCalls(String target, int count) {
    dynamoDb.verify(
        exactly(count),
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo(target))
            .withRequestBody(matchingJsonPath("$.TableName", equalTo(TABLE))));
  }

  @Test
  void succeed_throttledThenServerError_isRetriedAndSucceeds() {
    answerInTurn(
        UPDATE_ITEM,
        awsError(400, "ThrottlingException", "Rate of requests exceeds the allowed throughput."),
        serverError(500),
        ok("{}"));

    boolean succeeded =
        store.succeed("job-1", JobJson.MAPPER.createObjectNode().put("message", "ok"), NOW);

    assertThat(succeeded).isTrue();
    assertCalls(UPDATE_ITEM, 3);
    dynamoDb.verify(
        postRequestedFor(urlEqualTo("/"))
            .withRequestBody(
                matchingJsonPath("$.ConditionExpression", equalTo("#status = :running")))
            .withRequestBody(matchingJsonPath("$.Key.id.S", equalTo("job-1"))));
  }

  @Test
  void start_provisionedThroughputExceededThen503_isRetriedAndReturnsTheStoredRecord() {
    answerInTurn(
        UPDATE_ITEM,
        awsError(
            400,
            "ProvisionedThroughputExceededException",
            "The level of configured provisioned throughput for the table was exceeded."),
        serverError(503),
        ok(
            "{\"Attributes\":{\"id\":{\"S\":\"job-2\"},\"status\":{\"S\":\"RUNNING\"},"
                + "\"type\":{\"S\":\"sleep\"},\"parameters\":{\"S\":\"{\\\"seconds\\\":3}\"},"
                + "\"attempts\":{\"N\":\"1\"},\"startedAt\":{\"S\":\"2026-05-06T07:08:09Z\"},"
                + "\"expiresAt\":{\"N\":\"1800000000\"}}}"));

    JobRecord started =
        store
            .start(
                new JobStart(
                    "job-2",
                    "sleep",
                    JobJson.MAPPER.createObjectNode().put("seconds", 3),
                    NOW,
                    1_800_000_000L,
                    null,
                    null,
                    null))
            .orElseThrow();

    assertThat(started)
        .isEqualTo(
            JobRecord.builder("job-2")
                .status(JobStatus.RUNNING)
                .type("sleep")
                .parameters(JobJson.MAPPER.createObjectNode().put("seconds", 3))
                .attempts(1)
                .startedAt(NOW)
                .expiresAt(1_800_000_000L)
                .build());
    assertCalls(UPDATE_ITEM, 3);
  }

  @Test
  void find_throttled_isRetriedAndReadsTheItem() {
    answerInTurn(
        GET_ITEM,
        awsError(400, "ThrottlingException", "Rate of requests exceeds the allowed throughput."),
        ok(
            "{\"Item\":{\"id\":{\"S\":\"job-3\"},\"status\":{\"S\":\"SUCCEEDED\"},"
                + "\"result\":{\"S\":\"{\\\"message\\\":\\\"done\\\"}\"},"
                + "\"attempts\":{\"N\":\"2\"}}}"));

    JobRecord found = store.find("job-3").orElseThrow();

    assertThat(found.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(found.result()).isEqualTo(JobJson.MAPPER.createObjectNode().put("message", "done"));
    assertThat(found.attempts()).isEqualTo(2);
    assertCalls(GET_ITEM, 2);
  }

  @Test
  void find_noItem_isEmpty() {
    answerInTurn(GET_ITEM, ok("{}"));

    assertThat(store.find("job-4")).isEmpty();
  }

  @Test
  void conditionalCheckFailed_isARefusedTransitionAndNotRetried() {
    answerInTurn(
        UPDATE_ITEM,
        awsError(400, "ConditionalCheckFailedException", "The conditional request failed"));

    boolean succeeded = store.succeed("job-5", JobJson.MAPPER.nullNode(), NOW);
    boolean failed =
        store.fail(
            new JobFailure(
                "job-5", "sleep", null, new JobError("E", "m", "RetriesExhausted"), NOW, 1L));
    var started =
        store.start(
            new JobStart(
                "job-5", "sleep", JobJson.MAPPER.createObjectNode(), NOW, 1L, NOW, null, null));

    assertThat(succeeded).isFalse();
    assertThat(failed).isFalse();
    assertThat(started).isEmpty();
    assertCalls(UPDATE_ITEM, 3);
  }

  @Test
  void persistentServerError_becomesAStoreFailureAfterTheRetries() {
    answerInTurn(UPDATE_ITEM, serverError(500));

    assertThatThrownBy(() -> store.succeed("job-6", JobJson.MAPPER.nullNode(), NOW))
        .isInstanceOf(JobStoreException.class)
        .hasMessage("could not write job job-6 to table jobs")
        .cause()
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("Status Code: 500");
    assertCalls(UPDATE_ITEM, MAX_ATTEMPTS);
  }

  @Test
  void persistentThrottling_becomesAStoreFailureAfterTheRetries() {
    answerInTurn(
        GET_ITEM,
        awsError(400, "ThrottlingException", "Rate of requests exceeds the allowed throughput."));

    assertThatThrownBy(() -> store.find("job-7"))
        .isInstanceOf(JobStoreException.class)
        .hasMessage("could not read job job-7 from table jobs")
        .cause()
        .hasMessageContaining("Rate of requests exceeds the allowed throughput");
    assertCalls(GET_ITEM, MAX_ATTEMPTS);
  }

  @Test
  void validationError_isAStoreFailureWithoutRetry() {
    answerInTurn(
        UPDATE_ITEM,
        awsError(400, "ValidationException", "Invalid UpdateExpression: Syntax error"));

    assertThatThrownBy(() -> store.succeed("job-8", JobJson.MAPPER.nullNode(), NOW))
        .isInstanceOf(JobStoreException.class)
        .hasMessage("could not write job job-8 to table jobs")
        .cause()
        .hasMessageContaining("Invalid UpdateExpression");
    assertCalls(UPDATE_ITEM, 1);
  }

  @Test
  void fromEnvironment_withoutTableName_saysWhatIsMissing() {
    assertThatThrownBy(() -> DynamoDbJobStore.fromEnvironment(Map.of("AWS_REGION", "us-east-1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TABLE_NAME");
  }

  @Test
  void fromEnvironment_withoutRegion_saysWhatIsMissing() {
    assertThatThrownBy(() -> DynamoDbJobStore.fromEnvironment(Map.of("TABLE_NAME", "jobs")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AWS_REGION");
  }
}
