package dev.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.job.JobJson;
import dev.jobs.local.BotocoreClient.Answer;
import dev.jobs.local.store.ArchivedEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeArchiveResponse;
import tools.jackson.databind.JsonNode;

/**
 * Where the local runtime answers as the deployed stack does (issue 13), checked through botocore's
 * signer: content types as API Gateway treats them, the request id as the job id, a quote in a job
 * id, destination records as Lambda writes them through the {@code live} alias, the archive's
 * settings, and the asynchronous payload limit on the payload the request template builds; for
 * {@code PUT /jobs/{jobId}} and {@code POST /jobs/{jobId}/retry} (the queue function's proxy
 * integrations), the request model's check, the function's 415 and its refusal of an id.
 */
class LocalAndAwsIT {
  /** The request template's text around the body and the 36-character request id. */
  private static final int TEMPLATE_OVERHEAD =
      "{\"id\": \"\", \"parameters\": }".length() + UUID.randomUUID().toString().length();

  private static final int ASYNC_PAYLOAD_LIMIT = 1_048_576;

  @TempDir static Path directory;
  @TempDir static Path scratch;
  static LocalRuntime runtime;
  static BotocoreClient botocore;

  @BeforeAll
  static void start() throws IOException {
    runtime =
        LocalRuntime.start(
            RuntimeOptions.builder(directory, 0)
                .processing(p -> p.withRetries(0, Duration.ZERO).withTimeout(Duration.ofSeconds(1)))
                .build());
    botocore = BotocoreClient.forRole(runtime, scratch);
  }

  @AfterAll
  static void stop() {
    if (runtime != null) {
      runtime.stop(Duration.ZERO);
    }
  }

  @ParameterizedTest(name = "Content-Type {0}")
  @CsvSource(
      nullValues = "none",
      value = {"none", "application/json", "application/json; charset=utf-8", "Application/JSON"})
  void submit_jsonOrNoContentType_isValidatedAndAccepted(String contentType) {
    Answer accepted = botocore.submit(contentType, "{\"type\":\"noop\"}");
    Answer refused = botocore.submit(contentType, "{\"seconds\":0}");

    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("message").asString()).isEqualTo("Invalid request body");
  }

  @ParameterizedTest(name = "Content-Type {0}, body {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "application/x-www-form-urlencoded | seconds=1",
        "text/plain                        | {\"type\":\"noop\"}",
        "text/plain                        | not json, and no model checks it",
        "application/xml                   | <job/>"
      })
  void submit_contentTypeWithoutATemplate_answers415AndQueuesNothing(
      String contentType, String body) {
    Answer answer = botocore.submit(contentType, body);

    assertThat(answer.status()).as(answer.body()).isEqualTo(415);
    assertThat(answer.body()).isEqualTo("{\"message\":\"Unsupported Media Type\"}");
    assertThat(botocore.get("/jobs/" + answer.requestId()).status()).isEqualTo(404);
  }

  @Test
  void get_withAContentTypeWithoutATemplate_answers415() {
    Answer answer = botocore.send("GET", "/jobs/any", "text/plain", null);

    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.body()).isEqualTo("{\"message\":\"Unsupported Media Type\"}");
  }

  @Test
  void submit_theJobIdIsTheRequestIdOfTheAnswer() {
    Answer answer = botocore.submit("application/json", "{\"type\":\"noop\"}");

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.requestId()).isNotBlank();
    assertThat(answer.json().get("id").asString()).isEqualTo(answer.requestId());
  }

  @ParameterizedTest(name = "path {0}")
  @CsvSource(
      delimiter = '|',
      value = {"/jobs/it's", "/jobs/it%27s", "/jobs/%27"})
  void get_idWithAQuote_answers404JobNotFound(String path) {
    Answer answer = botocore.get(path);

    assertThat(answer.status()).as(answer.body()).isEqualTo(404);
    assertThat(answer.json().get("message").asString()).isEqualTo("Job not found");
  }

  @ParameterizedTest(name = "Content-Type {0}")
  @CsvSource(
      nullValues = "none",
      value = {"none", "application/json", "application/json; charset=utf-8", "Application/JSON"})
  void put_jsonOrNoContentType_isValidatedAsPostIsAndAnswersTheClientsId(String contentType) {
    String id = "named-" + UUID.randomUUID();
    String refusedId = "named-" + UUID.randomUUID();

    Answer accepted = botocore.send("PUT", "/jobs/" + id, contentType, "{\"type\":\"noop\"}");
    Answer refused = botocore.send("PUT", "/jobs/" + refusedId, contentType, "{\"seconds\":0}");

    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.body()).isEqualTo("{\"id\":\"" + id + "\"}");
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("message").asString()).isEqualTo("Invalid request body");
    assertThat(botocore.get("/jobs/" + refusedId).status()).isEqualTo(404);
  }

  @ParameterizedTest(name = "Content-Type {0}")
  @CsvSource({"text/plain", "application/x-www-form-urlencoded", "application/xml"})
  void put_contentTypeOtherThanJson_answers415AndRecordsNothing(String contentType) {
    String id = "named-" + UUID.randomUUID();

    Answer answer = botocore.send("PUT", "/jobs/" + id, contentType, "{\"type\":\"noop\"}");

    assertThat(answer.status()).as(answer.body()).isEqualTo(415);
    assertThat(answer.body()).isEqualTo("{\"message\":\"Unsupported Media Type\"}");
    assertThat(botocore.get("/jobs/" + id).status()).isEqualTo(404);
  }

  @ParameterizedTest(name = "path {0}")
  @CsvSource({"/jobs/it%27s", "/jobs/%23priming", "/jobs/-dash-first"})
  void put_idOutsideThePattern_answers400NotAJobIdAndRecordsNothing(String path) {
    Answer answer = botocore.send("PUT", path, "application/json", "{\"type\":\"noop\"}");

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().get("message").asString()).startsWith("not a job id: ");
    assertThat(botocore.get(path).status()).isEqualTo(404);
  }

  @Test
  void retry_bodyOfAnyContentTypeIsIgnored_asByTheProxyIntegration() {
    String id = "named-" + UUID.randomUUID();

    Answer answer = botocore.send("POST", "/jobs/" + id + "/retry", "text/plain", "not json");

    assertThat(answer.status()).as(answer.body()).isEqualTo(404);
    assertThat(answer.body()).isEqualTo("{\"message\":\"Job not found\"}");
  }

  @Test
  void timedOutJob_readsAsLambdaWritesATimeout_inARecordOfTheLiveAlias() throws Exception {
    String id = botocore.submit(null, "{\"type\":\"hang\"}").json().get("id").asString();

    JsonNode job = awaitFailed(id);
    JsonNode record = awaitArchived(id).get("detail");

    assertThat(job.get("error").get("type").asString()).isEqualTo("Sandbox.Timedout");
    assertThat(job.get("error").get("message").asString())
        .isEqualTo("RequestId: " + id + " Error: Task timed out after 1.00 seconds");
    assertThat(record.get("timestamp").asString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(record.get("requestContext").get("functionArn").asString())
        .isEqualTo(runtime.stack().functionArn(runtime.stack().processFunctionName()) + ":live");
    assertThat(record.get("responseContext").get("executedVersion").asString()).isEqualTo("1");
    assertThat(JobJson.MAPPER.writeValueAsString(record.get("responsePayload")))
        .isEqualTo(
            "{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"RequestId: "
                + id
                + " Error: Task timed out after 1.00 seconds\"}");
  }

  @Test
  void archive_hasTheDeployedStacksDescriptionAndPattern() {
    try (EventBridgeClient events = AwsClients.eventBridge(runtime)) {
      DescribeArchiveResponse archive =
          events.describeArchive(r -> r.archiveName(runtime.stack().archiveName()));

      assertThat(archive.description()).isEqualTo("Every failed job, for a replay");
      assertThat(archive.eventPattern()).isEqualTo("{\"account\":[\"000000000000\"]}");
    }
  }

  @Test
  void submit_templatedPayloadOfExactly1MB_isAccepted() {
    Answer answer = botocore.submit(null, jobOfSize(ASYNC_PAYLOAD_LIMIT - TEMPLATE_OVERHEAD));

    assertThat(answer.status()).as(answer.body()).isEqualTo(202);
  }

  @Test
  void submit_bodyUnder1MBWhoseTemplatedPayloadIsOver_answers500AsApiGatewayDoes() {
    String body = jobOfSize(ASYNC_PAYLOAD_LIMIT - TEMPLATE_OVERHEAD + 1);

    Answer answer = botocore.submit(null, body);

    assertThat(body.length()).isLessThan(ASYNC_PAYLOAD_LIMIT);
    assertThat(answer.status()).isEqualTo(500);
    assertThat(answer.body()).isEqualTo("{\"message\":\"Internal server error\"}");
    assertThat(botocore.get("/jobs/" + answer.requestId()).status()).isEqualTo(404);
  }

  @Test
  void submit_bodyOverApiGateways10MB_answers413RequestTooLong() {
    ApiClient.Response response =
        ApiClient.forRole(runtime).unsigned("POST", "/jobs", jobOfSize(10 * 1024 * 1024 + 1));

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.body().get("message").asString()).isEqualTo("Request Too Long");
  }

  /** A valid job of exactly {@code size} bytes: JSON allows any run of spaces. */
  private static String jobOfSize(int size) {
    String start = "{\"type\":\"noop\"";
    return start + " ".repeat(size - start.length() - 1) + "}";
  }

  private static JsonNode awaitFailed(String id) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      Answer answer = botocore.get("/jobs/" + id);
      if (answer.status() == 200 && answer.json().get("status").asString().equals("FAILED")) {
        return answer.json();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + id + " did not fail");
  }

  private static JsonNode awaitArchived(String id) throws InterruptedException {
    for (int i = 0; i < 400; i++) {
      List<ArchivedEvent> events =
          runtime.archive().between(runtime.stack().archiveName(), 0, Long.MAX_VALUE, 0, 1000);
      for (ArchivedEvent archived : events) {
        if (archived.event().contains(id)) {
          return JobJson.MAPPER.readTree(archived.event());
        }
      }
      Thread.sleep(25);
    }
    throw new AssertionError("no archived event for job " + id);
  }
}
