package dev.jobs.cli.deploy;

import dev.jobs.cli.aws.AwsErrors;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Names the permission a denied AWS call needed, so the operator knows what to grant. */
public final class AwsCalls {
  private AwsCalls() {}

  static <T> T call(String action, String resource, Supplier<T> call) {
    try {
      return call.get();
    } catch (AwsServiceException e) {
      if (AwsErrors.isDenied(e)) {
        throw new JobsException(
            ExitCode.CREDENTIALS,
            "permission denied: "
                + action
                + " on "
                + resource
                + " ("
                + e.awsErrorDetails().errorMessage()
                + ")",
            e);
      }
      throw e;
    }
  }

  public static void run(String action, String resource, Runnable call) {
    call(
        action,
        resource,
        () -> {
          call.run();
          return null;
        });
  }
}
