package dev.jobs.backend.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.backend.job.JobJson;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ReplayEnvelopeTest {
  @Test
  void aReplayedArchiveEventYieldsTheJobThreeLevelsDown() {
    JsonNode event = Fixtures.json("replayed-archive-event.json");

    JobInvocation job = ReplayEnvelope.originalJob(event);

    assertThat(ReplayEnvelope.isReplay(event)).isTrue();
    assertThat(job.id()).isEqualTo("5f0c9a1e-2b7d-4c1e-9a51-0d8c2f6b1a10");
    assertThat(job.parameters().toString()).isEqualTo("{\"seconds\":2}");
  }

  @Test
  void aReplayedEventsTimeIsWhenItWasPutOnTheBus() {
    assertThat(ReplayEnvelope.eventTime(Fixtures.json("replayed-archive-event.json")))
        .isEqualTo(Instant.parse("2026-11-26T18:16:07Z"));
  }

  @Test
  void aTimeThatIsNotAnInstantIsRejected() {
    JsonNode event = JobJson.MAPPER.readTree("{\"replay-name\":\"r\",\"time\":\"yesterday\"}");

    assertThatThrownBy(() -> ReplayEnvelope.eventTime(event))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("yesterday");
  }

  @Test
  void aJobFailedEventOfTheErrorHandlerYieldsItsJob() {
    // What the error handler puts on the bus: the processing function's record as the detail.
    ObjectNode event = JobJson.MAPPER.createObjectNode();
    event.put("detail-type", "Job Failed").put("source", "dev.jobs").put("replay-name", "r");
    event.set("detail", Fixtures.json("retries-exhausted.json"));

    assertThat(ReplayEnvelope.originalJob(event).id())
        .isEqualTo("5f0c9a1e-2b7d-4c1e-9a51-0d8c2f6b1a10");
  }

  @Test
  void aProcessingDestinationRecordYieldsItsJob() {
    JobInvocation job = ReplayEnvelope.originalJob(Fixtures.json("retries-exhausted.json"));

    assertThat(job.id()).isEqualTo("5f0c9a1e-2b7d-4c1e-9a51-0d8c2f6b1a10");
  }

  @Test
  void aJobThatWasReplayedAndFailedAgainIsUnwrappedAtAnyDepth() {
    JsonNode replayed = Fixtures.json("replayed-archive-event.json");
    ObjectNode failedAgain = (ObjectNode) Fixtures.json("retries-exhausted.json");
    failedAgain.set("requestPayload", replayed);
    ObjectNode archivedAgain = (ObjectNode) replayed.deepCopy();
    ((ObjectNode) archivedAgain.get("detail")).set("requestPayload", failedAgain);

    assertThat(ReplayEnvelope.originalJob(archivedAgain).id())
        .isEqualTo("5f0c9a1e-2b7d-4c1e-9a51-0d8c2f6b1a10");
  }

  @Test
  void anEventFromTheApiIsNotAReplay() {
    JsonNode job = JobJson.MAPPER.readTree("{\"id\":\"a\",\"parameters\":{\"seconds\":1}}");

    assertThat(ReplayEnvelope.isReplay(job)).isFalse();
    assertThat(ReplayEnvelope.originalJob(job).id()).isEqualTo("a");
  }

  @Test
  void anEnvelopeWithoutAJobIsRejected() {
    JsonNode event =
        JobJson.MAPPER.readTree(
            "{\"detail-type\":\"x\",\"detail\":{\"requestContext\":{},\"requestPayload\":{}}}");

    assertThatThrownBy(() -> ReplayEnvelope.originalJob(event))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no job id");
  }
}
