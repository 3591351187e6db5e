package dev.jobs.cli.target;

import com.fasterxml.jackson.annotation.JsonInclude;
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
    String alarmNamePrefix) {

  /** The output keys of the stack, the same locally and on AWS. */
  public static final String API_URL = "ApiUrl";

  public static final String INVOKE_ROLE_ARN = "InvokeRoleArn";
  public static final String EVENT_BUS_ARN = "EventBusArn";
  public static final String ARCHIVE_NAME = "ArchiveName";
  public static final String REPLAY_RULE_ARN = "ReplayRuleArn";
  public static final String TABLE_NAME = "TableName";
  public static final String DASHBOARD_URL = "DashboardUrl";
  public static final String ALARM_NAME_PREFIX = "AlarmNamePrefix";

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
        outputs.get(API_URL),
        outputs.get(INVOKE_ROLE_ARN),
        outputs.get(EVENT_BUS_ARN),
        outputs.get(ARCHIVE_NAME),
        outputs.get(REPLAY_RULE_ARN),
        outputs.get(TABLE_NAME),
        outputs.get(DASHBOARD_URL),
        outputs.get(ALARM_NAME_PREFIX));
  }
}
