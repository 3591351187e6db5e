package dev.jobs.cli.replay;

import dev.jobs.cli.aws.AwsErrors;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.session.Session;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.model.DescribeArchiveResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.StartReplayResponse;

/**
 * The target's EventBridge archive of failed-job events, which every replay starts from: finding
 * it, and EventBridge's errors said as one line with the credentials tried.
 */
public final class ReplayArchive {
  /** How long EventBridge may take to archive an event, as its docs count before a replay. */
  static final Duration ARCHIVE_DELAY = Duration.ofMinutes(10);

  private ReplayArchive() {}

  public static DescribeArchiveResponse describe(Session session) {
    String name = session.settings().archiveName();
    try {
      return session.eventBridge().describeArchive(r -> r.archiveName(name));
    } catch (ResourceNotFoundException e) {
      throw new JobsException(
          ExitCode.NOT_FOUND,
          "archive " + name + " of target '" + session.settings().name() + "' does not exist",
          e);
    } catch (SdkException e) {
      throw failure(session, e, "DescribeArchive " + name);
    }
  }

  public static JobsException failure(Session session, SdkException e, String what) {
    return AwsErrors.translate(e, what).triedWith(session.baseCredentials().description());
  }

  /**
   * Starts the replay of the window from the archive onto the bus, through the replay rule only.
   */
  public static StartReplayResponse start(
      Session session,
      String name,
      DescribeArchiveResponse archive,
      Instant start,
      Instant end,
      String busArn,
      String ruleArn) {
    try {
      return session
          .eventBridge()
          .startReplay(
              r ->
                  r.replayName(name)
                      .eventSourceArn(archive.archiveArn())
                      .eventStartTime(start)
                      .eventEndTime(end)
                      .description("jobs replay of " + archive.archiveName())
                      .destination(d -> d.arn(busArn).filterArns(ruleArn)));
    } catch (ResourceAlreadyExistsException e) {
      throw new JobsException(
          ExitCode.USAGE, "a replay named " + name + " exists already; pick another --name", e);
    } catch (SdkException e) {
      throw ReplayArchive.failure(session, e, "StartReplay " + name);
    }
  }

  /**
   * EventBridge may archive an event minutes after it was put (its docs advise waiting 10 minutes
   * before replaying), so on AWS the window's last minutes may miss failures. Locally archiving is
   * part of putting the event.
   */
  public static void warnIfRecent(Session session, Instant end, Instant now) {
    Instant archivedBy = now.minus(ARCHIVE_DELAY).truncatedTo(ChronoUnit.SECONDS);
    if (session.settings().isLocal() || !end.isAfter(archivedBy)) {
      return;
    }
    session
        .err()
        .println(
            "jobs: warning: failures after "
                + archivedBy
                + " may not be archived yet (EventBridge can take minutes); replay that part"
                + " again later");
    session.err().flush();
  }
}
