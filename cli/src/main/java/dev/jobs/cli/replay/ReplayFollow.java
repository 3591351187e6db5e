package dev.jobs.cli.replay;

import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.options.Durations;
import dev.jobs.cli.output.Poller;
import dev.jobs.cli.session.Session;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;

/** Follows a replay to a final state: {@code COMPLETED}, {@code FAILED} or {@code CANCELLED}. */
final class ReplayFollow implements Poller.Wait<DescribeReplayResponse> {
  private final Session session;
  private final String name;
  private final Duration timeout;
  private String state = "STARTING";

  ReplayFollow(Session session, String name, Duration timeout) {
    this.session = session;
    this.name = name;
    this.timeout = timeout;
  }

  @Override
  public Optional<DescribeReplayResponse> poll(Duration waited) {
    DescribeReplayResponse replay;
    try {
      replay = session.eventBridge().describeReplay(r -> r.replayName(name));
    } catch (SdkException e) {
      throw ReplayArchive.failure(session, e, "DescribeReplay " + name);
    }
    state = replay.stateAsString();
    ReplayState ended = replay.state();
    return ended == ReplayState.COMPLETED
            || ended == ReplayState.FAILED
            || ended == ReplayState.CANCELLED
        ? Optional.of(replay)
        : Optional.empty();
  }

  @Override
  public String line(Duration waited) {
    return "replay " + name + ": " + state + ", " + Durations.format(waited);
  }

  @Override
  public JobsException timedOut() {
    return Poller.stillAfter(
        "replay " + name, state, timeout, "it goes on (see: jobs replays list)");
  }
}
