package dev.jobs.cli.replay;

import dev.jobs.cli.ExitCode;
import dev.jobs.cli.JobsException;
import dev.jobs.cli.Session;
import dev.jobs.cli.aws.AwsErrors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.model.DescribeArchiveResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;

/** What replay commands share: finding the target's archive, and EventBridge's errors. */
final class Replays {
  private Replays() {}

  static DescribeArchiveResponse archive(Session session) {
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

  static JobsException failure(Session session, SdkException e, String what) {
    return AwsErrors.translate(e, what).triedWith(session.baseCredentials().description());
  }
}
