package dev.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.job.JobJson;
import dev.jobs.local.events.ReplayPace;
import dev.jobs.local.store.ArchivedEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;
import tools.jackson.databind.JsonNode;

/**
 * Replays paced as EventBridge paces them ({@code jobs local start --replay-pace aws}), at a scale
 * a test can wait for: intervals of event time replayed one after the other, and events that reach
 * the archive only after a delay.
 */
class ReplayPaceIT {
  @TempDir Path directory;

  @Test
  void replay_eventNotYetArchivedWhenItsIntervalIsReplayed_isLeftOut() throws Exception {
    try (LocalRuntime runtime = start(new ReplayPace("test", Duration.ZERO, Duration.ofHours(1)))) {
      ApiClient api = ApiClient.forRole(runtime);
      String id = failedJob(runtime, api);
      Instant eventTime = eventTime(runtime, id);

      DescribeReplayResponse replay = replay(runtime, "early", eventTime.minusSeconds(1));

      assertThat(replay.state()).isEqualTo(ReplayState.COMPLETED);
      Thread.sleep(300); // a delivery, were there one, would have started the job by now
      assertThat(api.get(id).body().get("status").asString()).isEqualTo("FAILED");
    }
  }

  @Test
  void replay_deliversTheWindowIntervalByInterval_fromItsStart() throws Exception {
    try (LocalRuntime runtime =
        start(new ReplayPace("test", Duration.ofSeconds(1), Duration.ZERO))) {
      ApiClient api = ApiClient.forRole(runtime);
      String id = failedJob(runtime, api);
      Instant eventTime = eventTime(runtime, id);
      long began = System.nanoTime();

      // The event is in the window's fourth interval: it goes three intervals after the start.
      DescribeReplayResponse replay = replay(runtime, "paced", eventTime.minusSeconds(3));

      assertThat(replay.state()).isEqualTo(ReplayState.COMPLETED);
      assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThan(Duration.ofSeconds(3));
      assertThat(api.awaitTerminal(id, 2, Duration.ofSeconds(10)).get("status").asString())
          .isEqualTo("SUCCEEDED");
    }
  }

  private LocalRuntime start(ReplayPace pace) {
    return LocalRuntime.start(
        RuntimeOptions.builder(directory, 0)
            .processing(p -> p.withRetries(0, Duration.ZERO))
            .replayPace(pace)
            .build());
  }

  /** A job that fails once, archived; a replay re-drives it to success. */
  private static String failedJob(LocalRuntime runtime, ApiClient api) throws Exception {
    String id = api.submit("{\"type\":\"flaky\",\"failures\":1}").body().get("id").asString();
    assertThat(api.awaitTerminal(id, Duration.ofSeconds(10)).get("status").asString())
        .isEqualTo("FAILED");
    eventTime(runtime, id);
    // A replay re-drives a failure only from the second after it (the replay-once rule).
    Thread.sleep(1100);
    return id;
  }

  private static Instant eventTime(LocalRuntime runtime, String id) throws InterruptedException {
    for (int i = 0; i < 400; i++) {
      List<ArchivedEvent> events =
          runtime.archive().between(runtime.stack().archiveName(), 0, Long.MAX_VALUE, 0, 1000);
      for (ArchivedEvent archived : events) {
        if (archived.event().contains(id)) {
          JsonNode event = JobJson.MAPPER.readTree(archived.event());
          return Instant.parse(event.get("time").asString());
        }
      }
      Thread.sleep(25);
    }
    throw new AssertionError("no archived event for job " + id);
  }

  private static DescribeReplayResponse replay(LocalRuntime runtime, String name, Instant from)
      throws InterruptedException {
    try (EventBridgeClient events = AwsClients.eventBridge(runtime)) {
      String archiveArn =
          events.describeArchive(r -> r.archiveName(runtime.stack().archiveName())).archiveArn();
      String busArn =
          "arn:aws:events:us-east-1:000000000000:event-bus/" + runtime.stack().busName();
      events.startReplay(
          r ->
              r.replayName(name)
                  .eventSourceArn(archiveArn)
                  .eventStartTime(from)
                  .eventEndTime(Instant.now().plusSeconds(1))
                  .destination(d -> d.arn(busArn).filterArns(runtime.stack().replayRuleArn())));
      return AwsApisIT.awaitReplay(events, name);
    }
  }
}
