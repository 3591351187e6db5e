package dev.jobs.backend.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.job.JobJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dispatcher of queued jobs: each stream record whose new image is a {@code QUEUED} job becomes
 * one invocation, in order, and the first that fails ends the batch and is reported.
 */
class JobDispatcherTest {
  private static final String QUEUED_AT = "2026-11-26T12:00:00.123Z";

  /** The invocations handed on, and the ids whose invocation is refused. */
  private final List<JsonNode> invoked = new ArrayList<>();

  private Set<String> refused = Set.of();

  private final JobDispatcher dispatcher =
      new JobDispatcher(
          payload -> {
            JsonNode invocation = JobJson.MAPPER.readTree(payload);
            invoked.add(invocation);
            if (refused.contains(invocation.get("id").asString())) {
              throw new IllegalStateException("Lambda answered 429");
            }
          });

  /** A stream record of the job table as Lambda delivers it (new images only). */
  private static String record(String sequence, String id, String status) {
    return "{\"eventID\":\"e"
        + sequence
        + "\",\"eventName\":\"MODIFY\",\"eventSource\":\"aws:dynamodb\",\"dynamodb\":{\"Keys\":"
        + "{\"id\":{\"S\":\""
        + id
        + "\"}},\"NewImage\":{\"id\":{\"S\":\""
        + id
        + "\"},\"status\":{\"S\":\""
        + status
        + "\"},\"type\":{\"S\":\"sleep\"},\"parameters\":{\"S\":\"{\\\"seconds\\\":30,"
        + "\\\"tag\\\":\\\""
        + id
        + "\\\"}\"},\"attempts\":{\"N\":\"0\"},\"queuedAt\":{\"S\":\""
        + QUEUED_AT
        + "\"}},\"SequenceNumber\":\""
        + sequence
        + "\",\"StreamViewType\":\"NEW_IMAGE\"}}";
  }

  private static JsonNode event(String... records) {
    return JobJson.MAPPER.readTree("{\"Records\":[" + String.join(",", records) + "]}");
  }

  /** The records of three queued jobs, a, b and c, at sequence numbers 100, 200 and 300. */
  private static JsonNode threeQueued() {
    return event(
        record("100", "a", "QUEUED"), record("200", "b", "QUEUED"), record("300", "c", "QUEUED"));
  }

  private List<String> invokedIds() {
    return invoked.stream().map(invocation -> invocation.get("id").asString()).toList();
  }

  @Test
  void dispatch_queuedRecords_invokesEachOnceInOrder_andReportsNoFailure() {
    Optional<String> failed = dispatcher.dispatch(threeQueued());

    assertThat(failed).isEmpty();
    assertThat(invokedIds()).containsExactly("a", "b", "c");
  }

  @Test
  void dispatch_theInvocationCarriesIdParametersAsJsonAndTheQueueingItStarts() {
    dispatcher.dispatch(event(record("100", "a", "QUEUED")));

    assertThat(JobJson.MAPPER.writeValueAsString(invoked.get(0)))
        .isEqualTo(
            "{\"id\":\"a\",\"parameters\":{\"seconds\":30,\"tag\":\"a\"},\"queuedAt\":\""
                + QUEUED_AT
                + "\"}");
  }

  @Test
  void dispatch_aRefusedInvocation_endsTheBatchThereAndReportsItsSequenceNumber() {
    refused = Set.of("b");

    Optional<String> failed = dispatcher.dispatch(threeQueued());

    assertThat(failed).contains("200");
    // c is left for the retry, which starts from b: a, dispatched, is not dispatched again.
    assertThat(invokedIds()).containsExactly("a", "b");
  }

  @Test
  void dispatch_recordsOfJobsNotQueued_areSkippedAndNeverReported() {
    refused = Set.of("running", "ended");

    Optional<String> failed =
        dispatcher.dispatch(
            event(
                record("100", "running", "RUNNING"),
                record("200", "ended", "SUCCEEDED"),
                record("300", "queued", "QUEUED")));

    assertThat(failed).isEmpty();
    assertThat(invokedIds()).containsExactly("queued");
  }

  @Test
  void dispatch_aRemovedItemOrAQueuedImageWithoutParameters_isSkipped() {
    String removed =
        "{\"eventName\":\"REMOVE\",\"dynamodb\":{\"Keys\":{\"id\":{\"S\":\"gone\"}},"
            + "\"SequenceNumber\":\"100\"}}";
    String partial =
        "{\"eventName\":\"MODIFY\",\"dynamodb\":{\"Keys\":{\"id\":{\"S\":\"odd\"}},\"NewImage\":"
            + "{\"id\":{\"S\":\"odd\"},\"status\":{\"S\":\"QUEUED\"}},\"SequenceNumber\":\"200\"}}";

    Optional<String> failed =
        dispatcher.dispatch(event(removed, partial, record("300", "a", "QUEUED")));

    assertThat(failed).isEmpty();
    assertThat(invokedIds()).containsExactly("a");
  }

  @Test
  void dispatch_anEventWithoutRecords_invokesNothing() {
    assertThat(dispatcher.dispatch(event())).isEmpty();
    assertThat(dispatcher.dispatch(JobJson.MAPPER.readTree("{}"))).isEmpty();
    assertThat(invoked).isEmpty();
  }

  @Test
  void batchResponse_namesTheFailedRecord_orNoneWhenAllWereDispatched() {
    assertThat(JobJson.MAPPER.writeValueAsString(JobDispatcher.batchResponse(Optional.of("200"))))
        .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"200\"}]}");
    assertThat(JobJson.MAPPER.writeValueAsString(JobDispatcher.batchResponse(Optional.empty())))
        .isEqualTo("{\"batchItemFailures\":[]}");
  }
}
