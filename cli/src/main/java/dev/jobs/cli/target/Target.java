package dev.jobs.cli.target;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.jobs.backend.settings.StackOutput;
import java.util.Map;

/**
 * Where jobs run: a deployed stack (its name, region, profile and what its outputs give) as stored
 * in the targets file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Target(
    String name,
    String stackName,
    String region,
    String profile,
    String endpointUrl,
    String apiUrl,
    String invokeRoleArn,
    String eventBusArn,
    String archiveName,
    String replayRuleArn,
    String tableName,
    String dashboardUrl,
    String alarmNamePrefix,
    String processingLogGroupName,
    String failedJobsLogGroupName) {

  /**
   * The log groups {@code jobs logs} reads, processing first; empty for a stack that predates the
   * job's log (issue 26).
   */
  public java.util.List<String> logGroupNames() {
    return java.util.stream.Stream.of(processingLogGroupName, failedJobsLogGroupName)
        .filter(name -> name != null && !name.isBlank())
        .toList();
  }

  /** A target that no stack's outputs filled yet: what flags and a stored target say of it. */
  public static Target draft(
      String name, String stackName, String region, String profile, String endpointUrl) {
    return fromOutputs(name, stackName, region, profile, endpointUrl, Map.of());
  }

  public static Target fromOutputs(
      String name,
      String stackName,
      String region,
      String profile,
      String endpointUrl,
      Map<String, String> outputs) {
    return new Target(
        name,
        stackName,
        region,
        profile,
        endpointUrl,
        outputs.get(StackOutput.API_URL.key()),
        outputs.get(StackOutput.INVOKE_ROLE_ARN.key()),
        outputs.get(StackOutput.EVENT_BUS_ARN.key()),
        outputs.get(StackOutput.ARCHIVE_NAME.key()),
        outputs.get(StackOutput.REPLAY_RULE_ARN.key()),
        outputs.get(StackOutput.TABLE_NAME.key()),
        outputs.get(StackOutput.DASHBOARD_URL.key()),
        outputs.get(StackOutput.ALARM_NAME_PREFIX.key()),
        outputs.get(StackOutput.PROCESSING_LOG_GROUP_NAME.key()),
        outputs.get(StackOutput.FAILED_JOBS_LOG_GROUP_NAME.key()));
  }
}
