package dev.jobs.local.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.job.JobJson;
import dev.jobs.local.lambda.FunctionConfig;
import dev.jobs.local.lambda.LocalFunction;
import dev.jobs.local.lambda.QualifiedArn;
import dev.jobs.local.stack.LocalStack;
import dev.jobs.local.store.ArchiveStore;
import dev.jobs.local.store.ArchivedEvent;
import dev.jobs.local.store.Database;
import dev.jobs.local.store.Invocation;
import dev.jobs.local.store.InvocationStore;
import dev.jobs.local.store.Replay;
import dev.jobs.local.store.ReplayStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays across a stop: a runtime that starts again resumes what a stop or a crash left active.
 * The target function is never started here, so each delivery stays in its queue to be counted.
 */
class ReplayRunnerTest {
  private static final String TARGET = "target";

  @TempDir Path directory;
  private final Clock clock = Clock.systemUTC();

  @Test
  void resumeInterrupted_replayRunningAtTheStop_deliversOnlyTheEventsAfterItsProgress()
      throws Exception {
    try (Database database = Database.open(directory)) {
      Parts parts = new Parts(database);
      List<String> ids = parts.archive(5);
      List<ArchivedEvent> archived = parts.archived();
      parts.replayStore.create(replay("r", "RUNNING"));
      // As a crash would leave it: the first two events delivered, with their progress.
      for (ArchivedEvent event : archived.subList(0, 2)) {
        parts.replayStore.deliver("r", event, TARGET, event.eventId(), event.event(), 0);
      }

      ReplayRunner replays = parts.replays();
      replays.resumeInterrupted();

      assertThat(awaitEnd(parts.replayStore, "r").state()).isEqualTo("COMPLETED");
      assertThat(parts.delivered()).containsExactlyElementsOf(ids);
      replays.close();
    }
  }

  @Test
  void resumeInterrupted_replayAskedToStopBeforeTheStop_endsCancelledWithoutDelivering()
      throws Exception {
    try (Database database = Database.open(directory)) {
      Parts parts = new Parts(database);
      parts.archive(3);
      parts.replayStore.create(replay("r", "RUNNING"));
      assertThat(parts.replayStore.requestCancel("r")).isTrue();

      ReplayRunner replays = parts.replays();
      replays.resumeInterrupted();

      assertThat(awaitEnd(parts.replayStore, "r").state()).isEqualTo("CANCELLED");
      assertThat(parts.delivered()).isEmpty();
      replays.close();
    }
  }

  @Test
  void close_midReplay_thenResume_deliversEveryEventExactlyOnce() throws Exception {
    List<String> ids;
    try (Database database = Database.open(directory)) {
      Parts parts = new Parts(database);
      ids = parts.archive(600);
      ReplayRunner replays = parts.replays();
      replays.start("r", null, 0, Long.MAX_VALUE, "arn:aws:events:us-east-1:000000000000:bus");
      while (parts.delivered().isEmpty()) {
        Thread.sleep(1);
      }
      replays.close();
      // Stopped after the event under way: still active unless it had just finished.
      Replay stopped = parts.replayStore.find("r").orElseThrow();
      assertThat(stopped.state()).isIn("RUNNING", "COMPLETED");
    }
    try (Database database = Database.open(directory)) {
      Parts parts = new Parts(database);
      ReplayRunner replays = parts.replays();
      replays.resumeInterrupted();

      Replay ended = awaitEnd(parts.replayStore, "r");
      assertThat(ended.state()).isEqualTo("COMPLETED");
      assertThat(ended.stateReason()).isNull();
      assertThat(parts.delivered()).containsExactlyElementsOf(ids);
      replays.close();
    }
  }

  private Replay replay(String name, String state) {
    return new Replay(
        name,
        null,
        "arn:aws:events:us-east-1:000000000000:archive/archive",
        "arn:aws:events:us-east-1:000000000000:event-bus/bus",
        0,
        Long.MAX_VALUE,
        state,
        null,
        clock.millis(),
        null,
        null);
  }

  private static Replay awaitEnd(ReplayStore store, String name) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < until) {
      Replay replay = store.find(name).orElseThrow();
      if (!replay.isActive()) {
        return replay;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("replay " + name + " did not end");
  }

  /** A bus with its archive, the replay store, and a target function that is never started. */
  private final class Parts {
    final Database database;
    final EventBus bus;
    final ArchiveStore archive;
    final ReplayStore replayStore;
    final InvocationStore queue;

    Parts(Database database) {
      this.database = database;
      this.archive = new ArchiveStore(database);
      this.replayStore = new ReplayStore(database);
      this.queue = new InvocationStore(database);
      FunctionConfig config =
          new FunctionConfig(
              TARGET, Duration.ofSeconds(10), 1, 0, Duration.ofHours(6), Duration.ofSeconds(1));
      LocalFunction target =
          new LocalFunction(config, QualifiedArn.latest("arn:target"), queue, clock);
      this.bus =
          new EventBus(new LocalStack("test", "us-east-1", "unused"), archive, target, clock);
    }

    ReplayRunner replays() {
      return new ReplayRunner(replayStore, bus, ReplayPace.FAST, clock);
    }

    /** Puts {@code count} events on the bus (archived in order); returns their ids. */
    List<String> archive(int count) {
      Instant time = Instant.ofEpochSecond(clock.instant().getEpochSecond() - 60);
      return bus.put(
          IntStream.range(0, count)
              .mapToObj(
                  i ->
                      new EventBus.Entry(
                          "test",
                          "Test",
                          JobJson.MAPPER.createObjectNode().put("n", i),
                          List.of(),
                          time))
              .toList());
    }

    List<ArchivedEvent> archived() {
      return bus.archived(0, Long.MAX_VALUE, 0, 1000);
    }

    /** The ids of the events delivered to the target, in the order queued. */
    List<String> delivered() {
      List<String> ids = new ArrayList<>();
      for (Invocation invocation : queue.pending(TARGET)) {
        ids.add(JobJson.MAPPER.readTree(invocation.payload()).get("id").asString());
      }
      return ids;
    }
  }
}
