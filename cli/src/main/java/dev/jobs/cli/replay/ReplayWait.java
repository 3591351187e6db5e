package dev.jobs.cli.replay;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.output.Poller;
import dev.jobs.cli.output.ProgressLine;
import dev.jobs.cli.session.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayResponse;

/**
 * {@code jobs replay --wait}: follows the replay to its end, then the failed jobs it was to
 * re-drive to theirs, both within one deadline; polled from every second up to every 10 seconds.
 */
public final class ReplayWait {
  private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

  private ReplayWait() {}

  /** The replay in a final state: {@code COMPLETED}, {@code FAILED} or {@code CANCELLED}. */
  public static DescribeReplayResponse replay(
      Session session, String name, Instant deadline, Duration timeout) {
    return poller(session, deadline)
        .awaitOrStop(new ReplayFollow(session, name, timeout), "replay " + name + " goes on", null);
  }

  /** What became of the failed jobs listed before the replay started. */
  public static Redrive.Outcome jobs(
      Session session,
      String name,
      List<JobPage.Job> failed,
      Duration grace,
      Instant deadline,
      Duration timeout) {
    return poller(session, deadline)
        .awaitOrStop(
            new Redrive(session.api(), failed, grace, timeout),
            "replay " + name + " ended, its re-driven jobs go on",
            null);
  }

  private static Poller poller(Session session, Instant deadline) {
    return Poller.backingOff(session.environment(), FIRST_PAUSE, LONGEST_PAUSE)
        .until(deadline)
        .showing(new ProgressLine(session.err(), session.output().progress(session.environment())));
  }
}
