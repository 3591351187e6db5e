package dev.jobs.cli.replay;

import dev.jobs.cli.aws.AwsErrors;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.session.Session;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.model.DescribeArchiveResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;

/**
 * The target's EventBridge archive of failed-job events, which every replay starts from: finding
 * it, and EventBridge's errors said as one line with the credentials tried.
 */
public final class ReplayArchive {
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
}
