package dev.jobs.backend.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.backend.events.FailureBusException;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.kind.JobKinds;
import dev.jobs.backend.kind.SleepJob;
import dev.jobs.backend.store.InMemoryJobStore;
import dev.jobs.backend.store.JobStore.JobStart;
import dev.jobs.backend.store.JobStoreException;
import dev.jobs.backend.testing.FakeLambdaContext;
import dev.jobs.backend.testing.HandlerCalls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class FailedJobHandlerTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final String ID = "5f0c9a1e-2b7d-4c1e-9a51-0d8c2f6b1a10";

  private final InMemoryJobStore store = new InMemoryJobStore();

  /** What the bus was given, with the job's status in the store at that moment. */
  private final List<JsonNode> put = new ArrayList<>();

  private final List<JobStatus> statusWhenPut = new ArrayList<>();
  private volatile RuntimeException busFailure;
  private final FailedJobHandler handler =
      new FailedJobHandler(
          Backend.create(
                  store,
                  JobKinds.of(new SleepJob()),
                  Clock.fixed(NOW, ZoneOffset.UTC),
                  Duration.ofDays(30))
              .failures(),
          record -> {
            if (busFailure != null) {
              throw busFailure;
            }
            put.add(record);
            statusWhenPut.add(store.find(ID).map(JobRecord::status).orElse(null));
          });

  @Test
  void retriesExhaustedRecordsTheJobFailedWithTheFunctionsError() throws Exception {
    startRunning(ID, "{\"seconds\":5}", 3);

    JsonNode answer = handle(Fixtures.json("retries-exhausted.json"));

    JobRecord record = store.find(ID).orElseThrow();
    assertThat(answer.get("recorded").asBoolean()).isTrue();
    assertThat(record.status()).isEqualTo(JobStatus.FAILED);
    assertThat(record.attempts()).isEqualTo(3);
    assertThat(record.parameters().toString()).isEqualTo("{\"seconds\":5}");
    assertThat(record.finishedAt()).isEqualTo(NOW);
    assertThat(record.error()).isEqualTo(Fixtures.RETRIES_EXHAUSTED_ERROR);
  }

  @Test
  void theFailureIsRecordedThenPutOnTheBusAsTheDestinationRecordReceived() throws Exception {
    startRunning(ID, "{\"seconds\":5}", 1);
    JsonNode record = Fixtures.json("retries-exhausted.json");

    handle(record);

    assertThat(put).containsExactly(record);
    assertThat(statusWhenPut).containsExactly(JobStatus.FAILED);
    assertThat(ReplayEnvelope.originalJob(put.get(0)).id()).isEqualTo(ID);
  }

  @Test
  void aBusThatRefusesTheFailureMakesTheHandlerThrowAfterRecording() {
    startRunning(ID, "{\"seconds\":5}", 1);
    busFailure = new FailureBusException("could not put the failure on bus jobs-failed", null);

    assertThatThrownBy(() -> handle(Fixtures.json("retries-exhausted.json")))
        .isInstanceOf(FailureBusException.class)
        .hasMessage("could not put the failure on bus jobs-failed");
    assertThat(store.find(ID).orElseThrow().status()).isEqualTo(JobStatus.FAILED);
  }

  @Test
  void aRetryAfterTheBusFailedPutsTheFailureAlreadyRecorded() throws Exception {
    startRunning(ID, "{\"seconds\":5}", 1);
    busFailure = new FailureBusException("throttled", null);
    assertThatThrownBy(() -> handle(Fixtures.json("retries-exhausted.json")))
        .isInstanceOf(FailureBusException.class);
    busFailure = null;

    JsonNode answer = handle(Fixtures.json("retries-exhausted.json"));

    assertThat(answer.get("recorded").asBoolean()).isFalse();
    assertThat(put).hasSize(1);
  }

  @Test
  void anExpiredEventRecordsAJobThatNeverRanWithItsParameters() throws Exception {
    handle(Fixtures.json("event-age-exceeded.json"));

    JobRecord record = store.find("9a3e7f52-1c4b-4d0a-b7e6-3f2d8c1a5e77").orElseThrow();
    assertThat(record.status()).isEqualTo(JobStatus.FAILED);
    assertThat(record.attempts()).isZero();
    assertThat(record.type()).isEqualTo("sleep");
    assertThat(record.parameters().toString()).isEqualTo("{\"type\":\"sleep\",\"seconds\":60}");
    assertThat(record.error().condition()).isEqualTo("EventAgeExceeded");
  }

  @Test
  void aDuplicateDestinationRecordLeavesTheFirstFailure() throws Exception {
    startRunning(ID, "{\"seconds\":5}", 1);
    handle(Fixtures.json("retries-exhausted.json"));
    JobRecord first = store.find(ID).orElseThrow();

    JsonNode again = handle(Fixtures.json("retries-exhausted.json"));

    assertThat(again.get("recorded").asBoolean()).isFalse();
    assertThat(store.find(ID)).contains(first);
  }

  @Test
  void aFailureRecordNeverOverwritesASuccess() throws Exception {
    startRunning(ID, "{\"seconds\":5}", 1);
    store.succeed(ID, JobJson.MAPPER.createObjectNode().put("message", "done"), NOW);

    JsonNode answer = handle(Fixtures.json("retries-exhausted.json"));

    assertThat(answer.get("recorded").asBoolean()).isFalse();
    assertThat(store.find(ID).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
  }

  @Test
  void aFailedReplayIsRecordedAgainstTheOriginalJob() throws Exception {
    startRunning(ID, "{\"seconds\":2}", 2);
    ObjectNode record = (ObjectNode) Fixtures.json("retries-exhausted.json");
    record.set("requestPayload", Fixtures.json("replayed-archive-event.json"));

    handle(record);

    assertThat(store.find(ID).orElseThrow().status()).isEqualTo(JobStatus.FAILED);
  }

  @Test
  void theHandlerThrowsWhenTheStoreFailsSoTheRecordReachesTheBus() {
    store.failWrites(new JobStoreException("could not write job " + ID + " to table jobs", null));

    assertThatThrownBy(() -> handle(Fixtures.json("retries-exhausted.json")))
        .isInstanceOf(JobStoreException.class)
        .hasMessage("could not write job " + ID + " to table jobs");
    assertThat(put).as("nothing put on the bus: the destination will").isEmpty();
  }

  @Test
  void aRecordWithoutAJobThrowsInsteadOfDroppingIt() {
    ObjectNode record = (ObjectNode) Fixtures.json("retries-exhausted.json");
    record.set("requestPayload", JobJson.MAPPER.createObjectNode().put("unrelated", true));

    assertThatThrownBy(() -> handle(record)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(ID)).isEmpty();
    assertThat(put).isEmpty();
  }

  private void startRunning(String id, String parameters, int attempts) {
    for (int i = 0; i < attempts; i++) {
      store.start(
          new JobStart(
              id,
              "sleep",
              (ObjectNode) JobJson.MAPPER.readTree(parameters),
              NOW.minusSeconds(60),
              NOW.getEpochSecond(),
              null,
              null,
              null));
    }
  }

  private JsonNode handle(JsonNode record) throws Exception {
    return HandlerCalls.json(handler, record.toString(), FakeLambdaContext.of(60_000));
  }
}
