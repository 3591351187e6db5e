package dev.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.job.JobJson;
import dev.jobs.local.ApiClient.Response;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The jobs API of a running local runtime: routes, bodies, status codes and SigV4. */
class JobsApiIT {
  @RegisterExtension
  static final RunningRuntime local =
      new RunningRuntime(
          options ->
              options.processing(
                  p -> p.withRetries(2, Duration.ofMillis(50)).withTimeout(Duration.ofSeconds(2))));

  @Test
  void submit_validJob_answers202WithIdAndTheJobSucceeds() {
    Response submitted = local.api().submit("{\"type\":\"noop\"}");

    assertThat(submitted.status()).isEqualTo(202);
    String id = submitted.body().get("id").asString();
    JsonNode job = local.api().awaitTerminal(id, Duration.ofSeconds(10));
    assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("result").get("done").asBoolean()).isTrue();
    assertThat(job.get("attempts").asInt()).isEqualTo(1);
  }

  @Test
  void submit_sleepJob_succeedsWithItsMessage() {
    String id = local.api().submit("{\"seconds\":1}").body().get("id").asString();

    JsonNode job = local.api().awaitTerminal(id, Duration.ofSeconds(10));

    assertThat(job.get("result").get("message").asString()).isEqualTo("I slept for 1 seconds");
  }

  @Test
  void submit_bodyAgainstTheSchema_answers400InvalidRequestBody() {
    for (String body :
        new String[] {
          "{\"seconds\":0}",
          "{\"seconds\":1,\"x\":2}",
          "[]",
          "not json",
          "",
          "{\"seconds\":\"it's \\\"caf\u00e9\\\" \\\\\"}"
        }) {
      Response response = local.api().submit(body);

      assertThat(response.status()).as(body).isEqualTo(400);
      // As the stack's gateway response: the message and the types served, valid JSON whatever
      // the reasons.
      assertThat(response.body())
          .as(body)
          .isEqualTo(
              JobJson.MAPPER
                  .createObjectNode()
                  .put("message", "Invalid request body")
                  .set("jobTypes", JobJson.MAPPER.valueToTree(local.runtime().kinds())));
    }
  }

  @Test
  void submit_ofAnUnknownType_answers400AtOnce_namingTheTypesServed() {
    Response response = local.api().submit("{\"type\":\"paint\",\"seconds\":5}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().get("message").asString()).isEqualTo("Invalid request body");
    assertThat(response.body().get("jobTypes"))
        .isEqualTo(JobJson.MAPPER.valueToTree(local.runtime().kinds()));
  }

  @Test
  void get_percentEncodedId_isDecodedAsAPathParameter() {
    String id = local.api().submit("{\"type\":\"noop\"}").body().get("id").asString();
    local
        .api()
        .awaitTerminal(id, Duration.ofSeconds(10)); // the job's row exists once it has started

    Response response = local.api().get(id.replace("-", "%2D"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().get("id").asString()).isEqualTo(id);
  }

  @Test
  void get_unknownJob_answers404JobNotFound() {
    Response response = local.api().get("no-such-job");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.text()).isEqualTo("{\"message\":\"Job not found\"}");
  }

  @Test
  void submit_wrongSecret_answers403SignatureMismatch() {
    ApiClient forged = ApiClient.forRole(local.runtime());
    ApiClient wrong = forged.credentials(keyOf(forged), "wrong-secret", tokenOf(forged));

    Response response = wrong.submit("{\"seconds\":1}");

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.body().get("message").asString())
        .startsWith(
            "The request signature we calculated does not match the signature you provided.");
  }

  @Test
  void submit_clockSkewedTenMinutes_answers403SignatureExpired() {
    Response response =
        local
            .api()
            .signedFor("execute-api", Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)))
            .submit("{\"seconds\":1}");

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.body().get("message").asString()).startsWith("Signature expired: ");
  }

  @Test
  void submit_wrongServiceOrRegion_answers403() {
    Response service = local.api().signedFor("lambda", Clock.systemUTC()).submit("{\"seconds\":1}");
    Response region = local.api().inRegion("eu-west-1").submit("{\"seconds\":1}");

    assertThat(service.status()).isEqualTo(403);
    assertThat(service.body().get("message").asString())
        .isEqualTo("Credential should be scoped to correct service: 'execute-api'. ");
    assertThat(region.status()).isEqualTo(403);
    assertThat(region.body().get("message").asString())
        .isEqualTo("Credential should be scoped to a valid region, not 'eu-west-1'. ");
  }

  @Test
  void submit_failingJob_isRetriedTwiceThenRecordedFailed() {
    JsonNode job = failedAfterThreeAttempts("{\"type\":\"fail\"}", Duration.ofSeconds(10));

    assertThat(job.get("error").get("condition").asString()).isEqualTo("RetriesExhausted");
    assertThat(job.get("error").get("type").asString())
        .isEqualTo("dev.jobs.kind.JobFailedException");
    assertThat(job.get("error").get("message").asString()).isEqualTo("attempt 3 failed on purpose");
  }

  @Test
  void submit_jobPastTheTimeout_isStoppedAndFailsWithTaskTimedOut() {
    JsonNode job = failedAfterThreeAttempts("{\"type\":\"hang\"}", Duration.ofSeconds(15));

    // As Lambda writes a timeout today: the attempt's request id, seconds with two decimals.
    assertThat(job.get("error").get("type").asString()).isEqualTo("Sandbox.Timedout");
    assertThat(job.get("error").get("message").asString())
        .isEqualTo(
            "RequestId: " + job.get("id").asString() + " Error: Task timed out after 2.00 seconds");
  }

  /** Submits the job, waits for its end, and asserts that it failed after three attempts. */
  private static JsonNode failedAfterThreeAttempts(String body, Duration wait) {
    String id = local.api().submit(body).body().get("id").asString();
    JsonNode job = local.api().awaitTerminal(id, wait);
    assertThat(job.get("id").asString()).isEqualTo(id);
    assertThat(job.get("status").asString()).isEqualTo("FAILED");
    assertThat(job.get("attempts").asInt()).isEqualTo(3);
    return job;
  }

  private static String keyOf(ApiClient client) {
    return field(client, "keyId");
  }

  private static String tokenOf(ApiClient client) {
    return field(client, "token");
  }

  private static String field(ApiClient client, String name) {
    try {
      var field = ApiClient.class.getDeclaredField(name);
      field.setAccessible(true);
      return (String) field.get(client);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
