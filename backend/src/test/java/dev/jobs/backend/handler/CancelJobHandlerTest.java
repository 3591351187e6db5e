package dev.jobs.backend.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.cancel.JobCancel;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.store.InMemoryJobStore;
import dev.jobs.backend.store.JobStoreException;
import dev.jobs.backend.testing.FakeLambdaContext;
import dev.jobs.backend.testing.HandlerCalls;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CancelJobHandlerTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final String ID = "5f0c9a1e-2b7d-4c1e-9a51-0d8c2f6b1a10";

  private final InMemoryJobStore store = new InMemoryJobStore();
  private final CancelJobHandler handler =
      new CancelJobHandler(new JobCancel(store.keeping(Clock.fixed(NOW, ZoneOffset.UTC))));

  private JsonNode handle(String event) throws Exception {
    return HandlerCalls.json(handler, event, FakeLambdaContext.of(3_000));
  }

  private static String event(String id) {
    return "{\"httpMethod\":\"POST\",\"resource\":\"/jobs/{jobId}/cancel\",\"path\":\"/jobs/"
        + id
        + "/cancel\",\"pathParameters\":{\"jobId\":\""
        + id
        + "\"},\"body\":null}";
  }

  @Test
  void proxyEvent_answers202WithTheRecordAsJson() throws Exception {
    JsonNode response = handle(event(ID));

    assertThat(response.get("statusCode").asInt()).isEqualTo(202);
    assertThat(response.get("headers").get("Content-Type").asString())
        .isEqualTo("application/json");
    JsonNode body = JobJson.MAPPER.readTree(response.get("body").asString());
    assertThat(body.get("id").asString()).isEqualTo(ID);
    assertThat(body.get("status").asString()).isEqualTo("CANCELLED");
    assertThat(store.find(ID).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
  }

  @Test
  void eventWithoutThePathParameter_is400() throws Exception {
    JsonNode response = handle("{\"httpMethod\":\"POST\",\"pathParameters\":null}");

    assertThat(response.get("statusCode").asInt()).isEqualTo(400);
  }

  @Test
  void storeFailure_is500WithoutTheCause() throws Exception {
    store.failWrites(new JobStoreException("table gone", new RuntimeException("secret detail")));

    JsonNode response = handle(event(ID));

    assertThat(response.get("statusCode").asInt()).isEqualTo(500);
    assertThat(response.get("body").asString()).isEqualTo(ProxyResponse.INTERNAL_ERROR);
  }

  @Test
  void priming_answersTheImpossibleIdWithoutAnyWrite() {
    store.failWrites(new IllegalStateException("priming must not write"));

    new CancelJobHandler(new JobCancel(store.keeping(Clock.fixed(NOW, ZoneOffset.UTC))), true)
        .beforeCheckpoint(null);
  }
}
