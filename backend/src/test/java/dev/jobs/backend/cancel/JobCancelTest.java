package dev.jobs.backend.cancel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.job.ApiAnswer;
import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.store.InMemoryJobStore;
import dev.jobs.backend.store.JobStore.JobFailure;
import dev.jobs.backend.store.JobStore.JobStart;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class JobCancelTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final String ID = "5f0c9a1e-2b7d-4c1e-9a51-0d8c2f6b1a10";

  private final InMemoryJobStore store = new InMemoryJobStore();
  private final JobCancel cancel = new JobCancel(store.keeping(Clock.fixed(NOW, ZoneOffset.UTC)));

  private void running() {
    store.start(
        new JobStart(
            ID,
            "sleep",
            JobJson.MAPPER.createObjectNode().put("seconds", 60),
            NOW.minusSeconds(5),
            1,
            null,
            900,
            null));
  }

  @Test
  void runningJob_is202WithTheRecordAndTheRequestNoted() {
    running();

    ApiAnswer answer = cancel.answer(ID);

    assertThat(answer.statusCode()).isEqualTo(202);
    JsonNode body = JobJson.MAPPER.readTree(answer.body());
    assertThat(body.get("status").asString()).isEqualTo("RUNNING");
    assertThat(body.get("cancelRequestedAt").asString()).isEqualTo(NOW.toString());
    assertThat(body.get("heartbeatAt").asString()).isEqualTo(NOW.minusSeconds(5).toString());
    assertThat(body.get("timeoutSeconds").asInt()).isEqualTo(900);
    assertThat(store.find(ID).orElseThrow().cancelRequestedAt()).isEqualTo(NOW);
  }

  @Test
  void jobNotStartedYet_is202WithACancelledRecordKeptForTheRetention() {
    ApiAnswer answer = cancel.answer(ID);

    assertThat(answer.statusCode()).isEqualTo(202);
    long expiresAt = NOW.plus(Duration.ofDays(30)).getEpochSecond();
    assertThat(JobJson.MAPPER.readTree(answer.body()))
        .isEqualTo(
            JobJson.MAPPER.readTree(
                "{\"id\":\""
                    + ID
                    + "\",\"status\":\"CANCELLED\",\"attempts\":0,\"finishedAt\":\""
                    + NOW
                    + "\",\"expiresAt\":"
                    + expiresAt
                    + ",\"cancelRequestedAt\":\""
                    + NOW
                    + "\"}"));
  }

  @Test
  void jobAlreadyCancelled_isAgain202AndUnchanged() {
    store.put(JobRecord.cancelledBeforeStart(ID, NOW.minusSeconds(60), 7));

    ApiAnswer answer = cancel.answer(ID);

    assertThat(answer.statusCode()).isEqualTo(202);
    assertThat(store.find(ID).orElseThrow())
        .isEqualTo(JobRecord.cancelledBeforeStart(ID, NOW.minusSeconds(60), 7));
  }

  @Test
  void succeededJob_is409SayingSoAndUnchanged() {
    running();
    store.succeed(ID, JobJson.MAPPER.createObjectNode(), NOW.minusSeconds(1));
    JobRecord succeeded = store.find(ID).orElseThrow();

    ApiAnswer answer = cancel.answer(ID);

    assertThat(answer)
        .isEqualTo(new ApiAnswer(409, "{\"message\":\"job " + ID + " already ended SUCCEEDED\"}"));
    assertThat(store.find(ID)).contains(succeeded);
  }

  @Test
  void failedJob_is409() {
    store.fail(
        new JobFailure(ID, "sleep", null, new JobError("E", "boom", "RetriesExhausted"), NOW, 1));

    assertThat(cancel.answer(ID).body())
        .isEqualTo("{\"message\":\"job " + ID + " already ended FAILED\"}");
    assertThat(store.find(ID).orElseThrow().status()).isEqualTo(JobStatus.FAILED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-leading-dash",
        ".leading-dot",
        "has space",
        "has/slash",
        "#priming",
        "ünïcode",
        "trailing-newline\n"
      })
  void idOutsideTheJobIdPattern_is400AndWritesNothing(String id) {
    ApiAnswer answer = cancel.answer(id);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(JobJson.MAPPER.readTree(answer.body()).get("message").asString())
        .startsWith("not a job id");
    assertThat(store.find(id)).isEmpty();
  }

  @Test
  void idOf128Characters_isAJobIdAndOf129IsNot() {
    assertThat(cancel.answer("a".repeat(128)).statusCode()).isEqualTo(202);
    assertThat(cancel.answer("a".repeat(129)).statusCode()).isEqualTo(400);
    assertThat(cancel.answer(null).statusCode()).isEqualTo(400);
  }
}
