package dev.jobs.backend.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.queue.JobQueue;
import dev.jobs.backend.store.InMemoryJobStore;
import dev.jobs.backend.store.JobStoreException;
import dev.jobs.backend.testing.FakeLambdaContext;
import dev.jobs.backend.testing.HandlerCalls;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The queue function: API Gateway's proxy events for PUT and retry in, proxy answers out. */
class QueueJobHandlerTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final String ID = "nightly-report:2026-11-26";
  private static final String BODY = "{\"type\":\"sleep\",\"seconds\":30}";

  private final InMemoryJobStore store = new InMemoryJobStore();
  private final JobQueue queue = new JobQueue(store.keeping(Clock.fixed(NOW, ZoneOffset.UTC)));
  private final QueueJobHandler handler = new QueueJobHandler(queue);

  private JsonNode handle(String event) throws Exception {
    return HandlerCalls.json(handler, event, FakeLambdaContext.of(3_000));
  }

  /** API Gateway's proxy event for PUT /jobs/{jobId}, with a header line such as "a": "b". */
  private static String put(String id, String headers, String body, boolean base64) {
    ObjectNode event =
        JobJson.MAPPER
            .createObjectNode()
            .put("httpMethod", "PUT")
            .put("resource", "/jobs/{jobId}")
            .put("path", "/jobs/" + id)
            .put("body", body)
            .put("isBase64Encoded", base64);
    event.set("headers", JobJson.MAPPER.readTree("{" + headers + "}"));
    event.putObject("pathParameters").put("jobId", id);
    return JobJson.MAPPER.writeValueAsString(event);
  }

  private static String put(String body) {
    return put(ID, "\"Content-Type\":\"application/json\"", body, false);
  }

  private static String retry(String id, String query) {
    return "{\"httpMethod\":\"POST\",\"resource\":\"/jobs/{jobId}/retry\",\"path\":\"/jobs/"
        + id
        + "/retry\",\"pathParameters\":{\"jobId\":\""
        + id
        + "\"},\"queryStringParameters\":"
        + query
        + ",\"body\":null}";
  }

  private static JsonNode body(JsonNode response) {
    return JobJson.MAPPER.readTree(response.get("body").asString());
  }

  @Test
  void put_answers202WithTheIdAndRecordsTheJobQueued() throws Exception {
    JsonNode response = handle(put(BODY));

    assertThat(response.get("statusCode").asInt()).isEqualTo(202);
    assertThat(response.get("headers").get("Content-Type").asString())
        .isEqualTo("application/json");
    assertThat(response.get("body").asString()).isEqualTo("{\"id\":\"" + ID + "\"}");
    JobRecord job = store.find(ID).orElseThrow();
    assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(job.queuedAt()).isEqualTo(NOW);
    assertThat(job.parameters()).isEqualTo(JobJson.MAPPER.readTree(BODY));
  }

  @Test
  void put_sameIdWithOtherParameters_answers409AndChangesNothing() throws Exception {
    handle(put(BODY));
    JobRecord before = store.find(ID).orElseThrow();

    JsonNode response = handle(put("{\"type\":\"sleep\",\"seconds\":31}"));

    assertThat(response.get("statusCode").asInt()).isEqualTo(409);
    assertThat(body(response).get("message").asString())
        .isEqualTo("job " + ID + " exists with other parameters");
    assertThat(store.find(ID)).contains(before);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"Content-Type\":\"text/plain\"",
        "\"content-type\":\"application/x-www-form-urlencoded\"",
        "\"CONTENT-TYPE\":\"application/xml; charset=utf-8\""
      })
  void put_bodyOfAnotherContentType_answers415AsApiGatewayDoesAndRecordsNothing(String header)
      throws Exception {
    JsonNode response = handle(put(ID, header, BODY, false));

    assertThat(response.get("statusCode").asInt()).isEqualTo(415);
    assertThat(response.get("body").asString())
        .isEqualTo("{\"message\":\"Unsupported Media Type\"}");
    assertThat(store.find(ID)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"Content-Type\":\"application/json; charset=utf-8\"",
        "\"content-type\":\"Application/JSON\"",
        "\"Accept\":\"*/*\""
      })
  void put_jsonWithParametersInAnyCase_orNoContentType_isAccepted(String header) throws Exception {
    JsonNode response = handle(put(ID, header, BODY, false));

    assertThat(response.get("statusCode").asInt()).isEqualTo(202);
    assertThat(store.find(ID)).isPresent();
  }

  @Test
  void put_base64EncodedBody_isDecodedBeforeItIsRead() throws Exception {
    String encoded = Base64.getEncoder().encodeToString(BODY.getBytes(StandardCharsets.UTF_8));

    JsonNode response = handle(put(ID, "\"Content-Type\":\"application/json\"", encoded, true));

    assertThat(response.get("statusCode").asInt()).isEqualTo(202);
    assertThat(store.find(ID).orElseThrow().parameters()).isEqualTo(JobJson.MAPPER.readTree(BODY));
  }

  @Test
  void put_ofAnIdOutsideThePattern_answers400AndRecordsNothing() throws Exception {
    JsonNode response =
        handle(put("-starts-with-a-dash", "\"Content-Type\":\"application/json\"", BODY, false));

    assertThat(response.get("statusCode").asInt()).isEqualTo(400);
    assertThat(body(response).get("message").asString()).startsWith("not a job id");
    assertThat(store.find("-starts-with-a-dash")).isEmpty();
  }

  @Test
  void retry_ofAFailedJob_answers202WithTheRecordQueuedAgain() throws Exception {
    store.put(ended(JobStatus.FAILED));

    JsonNode response = handle(retry(ID, "null"));

    assertThat(response.get("statusCode").asInt()).isEqualTo(202);
    JsonNode record = body(response);
    assertThat(record.get("status").asString()).isEqualTo("QUEUED");
    assertThat(record.get("attempts").asInt()).isEqualTo(3);
    assertThat(store.find(ID).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
  }

  @Test
  void retry_ofACancelledJob_needsCancelledTrue() throws Exception {
    store.put(ended(JobStatus.CANCELLED));

    JsonNode refused = handle(retry(ID, "null"));
    JsonNode accepted = handle(retry(ID, "{\"cancelled\":\"true\"}"));

    assertThat(refused.get("statusCode").asInt()).isEqualTo(409);
    assertThat(body(refused).get("message").asString())
        .isEqualTo("job " + ID + " is CANCELLED: only a FAILED job is retried");
    assertThat(accepted.get("statusCode").asInt()).isEqualTo(202);
  }

  @Test
  void retry_ofAnUnknownJob_answers404() throws Exception {
    JsonNode response = handle(retry(ID, "null"));

    assertThat(response.get("statusCode").asInt()).isEqualTo(404);
    assertThat(response.get("body").asString()).isEqualTo("{\"message\":\"Job not found\"}");
  }

  @Test
  void storeFailure_is500WithoutTheCause() throws Exception {
    store.failWrites(new JobStoreException("table gone", new RuntimeException("secret detail")));

    JsonNode response = handle(put(BODY));

    assertThat(response.get("statusCode").asInt()).isEqualTo(500);
    assertThat(response.get("body").asString()).isEqualTo(ProxyResponse.INTERNAL_ERROR);
  }

  @Test
  void primingEvent_answers400BeforeAnyWrite() throws Exception {
    store.failWrites(new IllegalStateException("priming must not write"));

    JsonNode response = handle(QueueJobHandler.PRIMING_EVENT);

    assertThat(response.get("statusCode").asInt()).isEqualTo(400);
    assertThat(body(response).get("message").asString()).startsWith("not a job id");
    assertThat(store.find(Priming.IMPOSSIBLE_ID)).isEmpty();
  }

  private static JobRecord ended(JobStatus status) {
    return JobRecord.builder(ID)
        .status(status)
        .type("sleep")
        .parameters((ObjectNode) JobJson.MAPPER.readTree(BODY))
        .error(
            status == JobStatus.FAILED
                ? new JobError("Boom", "it broke", "RetriesExhausted")
                : null)
        .attempts(3)
        .startedAt(NOW.minusSeconds(60))
        .finishedAt(NOW.minusSeconds(30))
        .expiresAt(NOW.getEpochSecond())
        .build();
  }
}
