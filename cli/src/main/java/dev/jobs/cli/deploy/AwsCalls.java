package dev.jobs.cli.deploy;

import dev.jobs.cli.ExitCode;
import dev.jobs.cli.JobsException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Names the permission a denied AWS call needed, so the operator knows what to grant. */
final class AwsCalls {
  private AwsCalls() {}

  static <T> T call(String action, String resource, Supplier<T> call) {
    try {
      return call.get();
    } catch (AwsServiceException e) {
      if (isDenied(e)) {
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

  static void run(String action, String resource, Runnable call) {
    call(
        action,
        resource,
        () -> {
          call.run();
          return null;
        });
  }

  static boolean isDenied(AwsServiceException e) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    return e.statusCode() == 403
        || "AccessDenied".equals(code)
        || "AccessDeniedException".equals(code)
        || "UnauthorizedOperation".equals(code);
  }
}
