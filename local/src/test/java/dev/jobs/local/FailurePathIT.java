package dev.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.store.ForwardingJobStore;
import dev.jobs.backend.store.JobStore;
import dev.jobs.backend.store.JobStoreException;
import dev.jobs.local.store.ArchivedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;
import tools.jackson.databind.JsonNode;

/**
 * The failure path end to end: destination records, an error handler that cannot record the
 * failure, the archive, and a replay that re-drives the job.
 */
class FailurePathIT {
  /** While set, recording a failure fails, as a DynamoDB outage would make it. */
  static final AtomicBoolean TABLE_DOWN = new AtomicBoolean();

  @RegisterExtension
  static final RunningRuntime local = RunningRuntime.failingFast(1, FailurePathIT::failingWhenDown);

  private static JobStore failingWhenDown(JobStore store) {
    return new ForwardingJobStore(store) {
      @Override
      public boolean fail(JobFailure failure) {
        if (TABLE_DOWN.get()) {
          throw new JobStoreException("the table is down", new IllegalStateException());
        }
        return super.fail(failure);
      }
    };
  }

  @Test
  void errorHandlerFailure_landsInTheArchive_andAReplayRedrivesTheJob() throws Exception {
    TABLE_DOWN.set(true);
    TestJobs.Recovering.BROKEN.set(true);
    Instant before = Instant.now().minusSeconds(1);
    String id = local.api().submit("{\"type\":\"recovering\"}").body().get("id").asString();

    JsonNode event = awaitArchived(id);

    // The bus event: EventBridge's envelope around the error handler's destination record.
    assertThat(event.get("detail-type").asString())
        .isEqualTo("Lambda Function Invocation Result - Failure");
    assertThat(event.get("source").asString()).isEqualTo("lambda");
    assertThat(event.get("account").asString()).isEqualTo("000000000000");
    // As Lambda puts a destination's event: the bus, then the function as it was invoked.
    assertThat(event.get("resources").valueStream().map(JsonNode::asString).toList())
        .containsExactly(
            busArn(),
            "arn:aws:lambda:us-east-1:000000000000:function:jobs-local-FailedJob:$LATEST");
    JsonNode handlerRecord = event.get("detail");
    assertThat(handlerRecord.get("requestContext").get("functionArn").asString())
        .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:jobs-local-FailedJob:$LATEST");
    assertThat(handlerRecord.get("requestContext").get("approximateInvokeCount").asInt())
        .isEqualTo(2);
    assertThat(handlerRecord.get("responsePayload").get("errorType").asString())
        .isEqualTo("dev.jobs.backend.store.JobStoreException");

    // Inside it, the processing function's destination record, field for field.
    JsonNode record = handlerRecord.get("requestPayload");
    assertThat(record.propertyNames())
        .containsExactly(
            "version",
            "timestamp",
            "requestContext",
            "requestPayload",
            "responseContext",
            "responsePayload");
    assertThat(record.get("version").asString()).isEqualTo("1.0");
    assertThat(Instant.parse(record.get("timestamp").asString())).isAfter(before);
    assertThat(JobJson.MAPPER.writeValueAsString(record.get("requestContext")))
        .isEqualTo(
            "{\"requestId\":\""
                + id
                + "\",\"functionArn\":\"arn:aws:lambda:us-east-1:000000000000:function:jobs-local-ProcessJob:live\","
                + "\"condition\":\"RetriesExhausted\",\"approximateInvokeCount\":1}");
    assertThat(JobJson.MAPPER.writeValueAsString(record.get("requestPayload")))
        .isEqualTo("{\"id\":\"" + id + "\",\"parameters\":{\"type\":\"recovering\"}}");
    assertThat(JobJson.MAPPER.writeValueAsString(record.get("responseContext")))
        .isEqualTo(
            "{\"statusCode\":200,\"executedVersion\":\"1\",\"functionError\":\"Unhandled\"}");
    JsonNode response = record.get("responsePayload");
    assertThat(response.propertyNames()).containsExactly("errorMessage", "errorType", "stackTrace");
    assertThat(response.get("errorMessage").asString()).isEqualTo("still broken");
    assertThat(response.get("errorType").asString()).isEqualTo("dev.jobs.kind.JobFailedException");
    assertThat(response.get("stackTrace").isArray()).isTrue();
    assertThat(local.api().get(id).body().get("status").asString()).isEqualTo("RUNNING");

    // The table and the job recover; a replay of the window re-drives the job to success.
    TABLE_DOWN.set(false);
    TestJobs.Recovering.BROKEN.set(false);
    DescribeReplayResponse replay = replay("redrive-" + id, before, Instant.now().plusSeconds(1));
    assertThat(replay.eventLastReplayedTime()).isNotNull();
    JsonNode job = local.api().awaitTerminal(id, Duration.ofSeconds(10));
    assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("result").get("recovered").asBoolean()).isTrue();
    assertThat(job.get("attempts").asInt()).isEqualTo(2);
  }

  @Test
  void recordedFailure_isPutOnTheBus_andAReplayOfItsWindowReDrivesTheJobToSuccess()
      throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    String id =
        local.api().submit("{\"type\":\"flaky\",\"failures\":1}").body().get("id").asString();

    JsonNode failed = local.api().awaitTerminal(id, Duration.ofSeconds(10));
    JsonNode event = awaitArchived(id);

    assertThat(failed.get("status").asString()).isEqualTo("FAILED");
    assertThat(failed.get("error").get("message").asString())
        .isEqualTo("failing on purpose: attempt 1 of the first 1");
    assertThat(event.get("source").asString()).isEqualTo("dev.jobs");
    assertThat(event.get("detail-type").asString()).isEqualTo("Job Failed");
    // The detail is the processing function's destination record, as the error handler got it.
    JsonNode record = event.get("detail");
    assertThat(record.get("requestContext").get("functionArn").asString())
        .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:jobs-local-ProcessJob:live");
    assertThat(record.get("requestPayload").get("id").asString()).isEqualTo(id);
    assertThat(record.get("responsePayload").get("errorMessage").asString())
        .isEqualTo("failing on purpose: attempt 1 of the first 1");

    awaitNextSecond();
    replay("flaky-" + id, before, Instant.now());

    JsonNode job = local.api().awaitTerminal(id, 2, Duration.ofSeconds(10));
    assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("result").get("message").asString()).isEqualTo("succeeded on attempt 2");
    assertThat(job.get("attempts").asInt()).isEqualTo(2);
  }

  @Test
  void unrecordedFailure_archivedByBothPaths_isReDrivenExactlyOnce() throws Exception {
    TABLE_DOWN.set(true);
    Instant before = Instant.now().minusSeconds(1);
    String id;
    JsonNode handlerRecord;
    try {
      // Fails again on the re-drive too: a second re-drive would show as a third attempt.
      id = local.api().submit("{\"type\":\"flaky\",\"failures\":5}").body().get("id").asString();
      handlerRecord = awaitArchived(id).get("detail");
    } finally {
      TABLE_DOWN.set(false);
    }
    assertThat(local.api().get(id).body().get("status").asString()).isEqualTo("RUNNING");
    // The other path's event for the same failure, as a retried error handler would put it.
    JsonNode processingRecord = handlerRecord.get("requestPayload");
    try (EventBridgeClient events = AwsClients.eventBridge(local.runtime())) {
      for (int i = 0; i < 2; i++) {
        assertThat(
                events
                    .putEvents(
                        r ->
                            r.entries(
                                e ->
                                    e.eventBusName(local.runtime().stack().busName())
                                        .source("dev.jobs")
                                        .detailType("Job Failed")
                                        .detail(processingRecord.toString())))
                    .failedEntryCount())
            .isZero();
      }
    }
    assertThat(archivedFor(id)).hasSize(3);

    awaitNextSecond();
    replay("once-" + id, before, Instant.now());

    JsonNode job = awaitSettled(id);
    assertThat(job.get("status").asString()).isEqualTo("FAILED");
    assertThat(job.get("attempts").asInt()).isEqualTo(2);
    assertThat(job.get("error").get("message").asString())
        .isEqualTo("failing on purpose: attempt 2 of the first 5");
  }

  /**
   * Replays the archive from {@code since} to {@code until} to the replay rule, and waits for it to
   * complete.
   */
  private static DescribeReplayResponse replay(String name, Instant since, Instant until)
      throws InterruptedException {
    try (EventBridgeClient events = AwsClients.eventBridge(local.runtime())) {
      String archiveArn =
          events
              .describeArchive(r -> r.archiveName(local.runtime().stack().archiveName()))
              .archiveArn();
      events.startReplay(
          r ->
              r.replayName(name)
                  .eventSourceArn(archiveArn)
                  .eventStartTime(since)
                  .eventEndTime(until)
                  .destination(
                      d -> d.arn(busArn()).filterArns(local.runtime().stack().replayRuleArn())));
      DescribeReplayResponse replay = AwsApisIT.awaitReplay(events, name);
      assertThat(replay.state()).isEqualTo(ReplayState.COMPLETED);
      return replay;
    }
  }

  /**
   * Waits for the next whole second: EventBridge's event time has whole seconds, so a re-drive must
   * start in a later second than the event for its status time to tell them apart.
   */
  private static void awaitNextSecond() throws InterruptedException {
    Thread.sleep(1_000 - Instant.now().getNano() / 1_000_000 + 10);
  }

  /** The job once it has ended and stayed unchanged for a second (late duplicates included). */
  private static JsonNode awaitSettled(String id) throws InterruptedException {
    JsonNode last = local.api().awaitTerminal(id, Duration.ofSeconds(10));
    for (int quiet = 0; quiet < 20; ) {
      Thread.sleep(50);
      JsonNode now = local.api().get(id).body();
      quiet = now.equals(last) ? quiet + 1 : 0;
      last = now;
    }
    return last;
  }

  private static List<JsonNode> archivedFor(String id) {
    return local
        .runtime()
        .archive()
        .between(local.runtime().stack().archiveName(), 0, Long.MAX_VALUE, 0, 1000)
        .stream()
        .filter(archived -> archived.event().contains(id))
        .map(archived -> JobJson.MAPPER.readTree(archived.event()))
        .toList();
  }

  private static String busArn() {
    return "arn:aws:events:us-east-1:000000000000:event-bus/" + local.runtime().stack().busName();
  }

  private static JsonNode awaitArchived(String id) throws InterruptedException {
    for (int i = 0; i < 400; i++) {
      List<ArchivedEvent> events =
          local
              .runtime()
              .archive()
              .between(local.runtime().stack().archiveName(), 0, Long.MAX_VALUE, 0, 1000);
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
