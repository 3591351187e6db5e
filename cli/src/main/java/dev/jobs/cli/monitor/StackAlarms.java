package dev.jobs.cli.monitor;

import dev.jobs.cli.aws.AwsErrors;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * The stack's CloudWatch alarms, as {@code jobs alarms} and the console's health page read them:
 * {@code DescribeAlarms} on the names the stack's {@code AlarmNamePrefix} output gives, in the
 * order they matter to an operator (ALARM, INSUFFICIENT_DATA, OK; by name within a state).
 */
public final class StackAlarms {
  private static final List<StateValue> ORDER =
      List.of(StateValue.ALARM, StateValue.INSUFFICIENT_DATA, StateValue.OK);

  private StackAlarms() {}

  /**
   * Every alarm named {@code prefix...}; a target without the prefix (its stack predates the
   * alarms) is an error that says to deploy.
   */
  public static List<MetricAlarm> read(CloudWatchClient cloudWatch, String target, String prefix) {
    if (prefix == null || prefix.isBlank()) {
      throw new JobsException(
          ExitCode.ERROR,
          "target "
              + target
              + " knows no AlarmNamePrefix output: its stack predates the alarms; run jobs deploy"
              + " (or jobs target add again after a deploy)");
    }
    try {
      return cloudWatch
          .describeAlarmsPaginator(r -> r.alarmNamePrefix(prefix))
          .metricAlarms()
          .stream()
          .sorted(Comparator.comparingInt(StackAlarms::rank).thenComparing(MetricAlarm::alarmName))
          .toList();
    } catch (SdkException e) {
      throw AwsErrors.translate(e, "DescribeAlarms");
    }
  }

  private static int rank(MetricAlarm alarm) {
    int rank = ORDER.indexOf(alarm.stateValue());
    return rank < 0 ? ORDER.size() : rank;
  }
}
