package dev.jobs.cli.deploy;

import dev.jobs.backend.settings.StackSettings;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import java.util.function.Supplier;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AccountLimit;

/**
 * Whether the account can grant the processing function the reserved concurrency a deploy asks for.
 * Lambda keeps {@value #UNRESERVED_MINIMUM} of an account's concurrency unreserved, and a new
 * account's limit can be as low as 10: a reservation beyond the limit less that would fail the
 * stack half-way, after a long wait and a rollback. So {@code jobs deploy} asks first and refuses
 * in one line, before it uploads or changes anything.
 */
public final class ConcurrencyBudget {
  /** The concurrency Lambda leaves unreserved in every account and region. */
  static final int UNRESERVED_MINIMUM = 100;

  public static final String PARAMETER = StackSettings.PROCESSING_RESERVED_CONCURRENCY.parameter();

  private ConcurrencyBudget() {}

  /**
   * Refuses a reservation the account cannot give. The whole limit less the unreserved minimum is
   * the most any one function can hold; reservations of other functions may leave less, which
   * CloudFormation then reports.
   *
   * @param asked the reservation asked for; 0 reserves none and needs no check
   */
  public static void require(Supplier<LambdaClient> lambda, int asked, String region) {
    if (asked == 0) {
      return;
    }
    AccountLimit limit =
        AwsCalls.call(
            "lambda:GetAccountSettings",
            "the account in " + region,
            () -> lambda.get().getAccountSettings(b -> {}).accountLimit());
    int most = Math.max(0, limit.concurrentExecutions() - UNRESERVED_MINIMUM);
    if (asked > most) {
      throw new JobsException(
          ExitCode.USAGE,
          PARAMETER
              + "="
              + asked
              + " cannot be reserved: the account's Lambda concurrency limit in "
              + region
              + " is "
              + limit.concurrentExecutions()
              + " and "
              + UNRESERVED_MINIMUM
              + " of it stays unreserved, so at most "
              + most
              + "; ask for less, 0 for no reservation, or ask AWS to raise the limit");
    }
  }
}
