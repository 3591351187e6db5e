package dev.jobs.local.events;

import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.store.DaemonThreads;
import dev.jobs.local.lambda.LocalFunction;
import dev.jobs.local.log.RuntimeLog;
import dev.jobs.local.store.ArchivedEvent;
import dev.jobs.local.store.Replay;
import dev.jobs.local.store.ReplayStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.node.ObjectNode;

/**
 * Archive replays: a replay delivers the archived events of its time window, each with {@code
 * replay-name} added, through the replay rule to its target, the processing function. States go
 * {@code STARTING}, {@code RUNNING}, then {@code COMPLETED}, {@code CANCELLED} or {@code FAILED}.
 */
public final class ReplayRunner implements AutoCloseable {
  private static final int PAGE = 500;

  private final ReplayStore replays;
  private final EventBus bus;
  private final ReplayPace pace;
  private final Clock clock;

  private volatile boolean stopping;

  /** Names of replays asked to stop; the runner checks it between events. */
  private final Set<String> cancelled = ConcurrentHashMap.newKeySet();

  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(DaemonThreads.named("replays"));

  /**
   * @param bus the bus whose archive is replayed, through its replay rule
   */
  public ReplayRunner(ReplayStore replays, EventBus bus, ReplayPace pace, Clock clock) {
    this.replays = replays;
    this.bus = bus;
    this.pace = pace;
    this.clock = clock;
  }

  /**
   * Resumes the replays a stop (or a crash) left active, oldest first: each event's delivery and
   * the replay's progress past it commit together, so a resumed replay goes on after the last event
   * it delivered, and none is delivered twice or skipped. One asked to stop ends {@code CANCELLED}.
   * Call once the target function has started, so that it takes the resumed deliveries.
   */
  public void resumeInterrupted() {
    for (Replay replay : replays.all()) {
      if (replay.isActive()) {
        runner.submit(() -> run(replay.name()));
      }
    }
  }

  /** Starts a replay; empty when the name is taken. */
  public Optional<Replay> start(
      String name, String description, long eventStart, long eventEnd, String destinationArn) {
    Replay replay =
        new Replay(
            name,
            description,
            bus.archiveArn(),
            destinationArn,
            eventStart,
            eventEnd,
            "STARTING",
            null,
            clock.millis(),
            null,
            null);
    if (!replays.create(replay)) {
      return Optional.empty();
    }
    runner.submit(() -> run(name));
    return Optional.of(replay);
  }

  /** A replay as stored; one asked to stop reads {@code CANCELLING} until it has. */
  public Optional<Replay> find(String name) {
    return replays.find(name).map(this::withCancellation);
  }

  private Replay withCancellation(Replay replay) {
    return cancelled.contains(replay.name()) && replay.isActive()
        ? replay.withState("CANCELLING", null, null, replay.lastReplayed())
        : replay;
  }

  public List<Replay> all() {
    return replays.all().stream().map(this::withCancellation).toList();
  }

  /** Asks a replay to stop; it ends {@code CANCELLED} after the event it is delivering. */
  public Optional<Replay> cancel(String name) {
    Optional<Replay> found = replays.find(name);
    if (found.isEmpty() || !found.get().isActive()) {
      return found;
    }
    cancelled.add(name);
    replays.requestCancel(name);
    return Optional.of(found.get().withState("CANCELLING", null, null, found.get().lastReplayed()));
  }

  private void run(String name) {
    Replay replay = replays.find(name).orElseThrow();
    if (cancelled.contains(name) || replay.state().equals("CANCELLING")) {
      finishCancelled(name);
      return;
    }
    replays.markRunning(name);
    try {
      long after = replays.lastSeq(name);
      while (true) {
        List<ArchivedEvent> page =
            bus.archived(replay.eventStart(), replay.eventEnd(), after, PAGE);
        for (ArchivedEvent archived : page) {
          if (cancelled.contains(name)) {
            finishCancelled(name);
            return;
          }
          long due = pace.dueAt(replay.startTime(), replay.eventStart(), archived.time());
          if (!pace.archivedBy(archived.time(), due)) {
            continue; // not in the archive yet when its minute was replayed: left out, as on AWS
          }
          if (!waitUntil(due, name)) {
            if (cancelled.contains(name)) {
              finishCancelled(name);
            }
            return; // a stop leaves it RUNNING on disk: the next start resumes after the last one
          }
          if (stopping) {
            return; // still RUNNING on disk: the next start resumes after the last delivery
          }
          ObjectNode event = (ObjectNode) JobJson.MAPPER.readTree(archived.event());
          event.put("replay-name", name);
          // The replay rule's target: the processing function, invoked asynchronously.
          LocalFunction target = bus.replayTarget();
          target.accept(
              replays.deliver(
                  name,
                  archived,
                  target.name(),
                  UUID.randomUUID().toString(),
                  JobJson.MAPPER.writeValueAsString(event),
                  clock.millis()));
          after = archived.seq();
        }
        if (page.size() < PAGE) {
          break;
        }
      }
      if (cancelled.contains(name)) {
        finishCancelled(name);
      } else {
        replays.finish(name, "COMPLETED", null, clock.millis());
      }
    } catch (RuntimeException e) {
      if (stopping) {
        return; // a stop broke the delivery off; the next start resumes
      }
      RuntimeLog.error("replay " + name + " failed", e);
      replays.finish(name, "FAILED", e.getMessage(), clock.millis());
    }
  }

  /**
   * Waits until {@code due} by the runtime's clock, in short steps so that a stop or a cancel is
   * seen at once; false when one came first.
   */
  private boolean waitUntil(long due, String name) {
    while (clock.millis() < due) {
      if (stopping || cancelled.contains(name)) {
        return false;
      }
      try {
        Thread.sleep(Math.max(1, Math.min(200, due - clock.millis())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private void finishCancelled(String name) {
    replays.finish(name, "CANCELLED", null, clock.millis());
    cancelled.remove(name);
  }

  /**
   * Stops after the event being delivered; an unfinished replay stays active for the next start.
   */
  @Override
  public void close() {
    stopping = true;
    runner.shutdown();
    try {
      if (!runner.awaitTermination(5, TimeUnit.SECONDS)) {
        runner.shutdownNow();
      }
    } catch (InterruptedException e) {
      runner.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
