package dev.jobs.backend.settings;

/**
 * The output keys of the stack: a contract between infra's {@code JobsStack}, which declares them,
 * the CLI, which reads them with {@code DescribeStacks}, and the local runtime, which answers with
 * them. Here, in the module all three compile against, so that each names the one constant.
 */
public final class StackOutputs {
  public static final String API_URL = "ApiUrl";
  public static final String INVOKE_ROLE_ARN = "InvokeRoleArn";
  public static final String EVENT_BUS_ARN = "EventBusArn";
  public static final String ARCHIVE_NAME = "ArchiveName";
  public static final String REPLAY_RULE_ARN = "ReplayRuleArn";
  public static final String TABLE_NAME = "TableName";
  public static final String DASHBOARD_URL = "DashboardUrl";
  public static final String ALARM_NAME_PREFIX = "AlarmNamePrefix";

  private StackOutputs() {}
}
