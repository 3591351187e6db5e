package dev.jobs.backend.settings;

/**
 * The outputs of the stack: a contract between infra's {@code JobsStack}, which declares them, the
 * CLI, which reads them with {@code DescribeStacks}, and the local runtime, which answers with
 * them. Here, in the module all three compile against, so that each names the one key.
 */
public enum StackOutput {
  API_URL("ApiUrl", "Base URL of the jobs API (no trailing slash)"),
  INVOKE_ROLE_ARN("InvokeRoleArn", "Role to assume to call the API"),
  EVENT_BUS_ARN("EventBusArn", "Bus of failed jobs"),
  ARCHIVE_NAME("ArchiveName", "Archive of failed jobs, to replay"),
  REPLAY_RULE_ARN("ReplayRuleArn", "Rule that delivers replayed jobs"),
  TABLE_NAME("TableName", "Table of job records"),
  DASHBOARD_URL("DashboardUrl", "CloudWatch dashboard of the jobs"),
  ALARM_NAME_PREFIX("AlarmNamePrefix", "Prefix of the names of the stack's alarms"),
  PROCESSING_LOG_GROUP_NAME(
      "ProcessingLogGroupName", "Log group of the processing function: the jobs' own lines"),
  FAILED_JOBS_LOG_GROUP_NAME(
      "FailedJobsLogGroupName", "Log group of the error handler: a failed job's last line"),
  OPERATOR_POLICY_ARN(
      "OperatorPolicyArn",
      "Managed policy for an operator of the CLI: jobs logs, replay, replays, alarms");

  private final String key;
  private final String description;

  StackOutput(String key, String description) {
    this.key = key;
    this.description = description;
  }

  /** The output's logical id in the template, and its key in {@code DescribeStacks}. */
  public String key() {
    return key;
  }

  /** The output's description in the template. */
  public String description() {
    return description;
  }
}
