package dev.jobs.local.stack;

import dev.jobs.backend.settings.StackOutput;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names and ARNs of the local stack's resources; the stack outputs carry the same keys as the
 * CDK stack's.
 */
public record LocalStack(String stackName, String region, String endpoint) {
  /** The account every local resource is in. */
  public static final String ACCOUNT = "000000000000";

  public static final String DEFAULT_STACK_NAME = "jobs-local";
  public static final String INVOKE_ROLE_NAME = "JobsAPIInvokeRole";
  public static final String STAGE = "prod";

  /** The processing function's alias, which the deployed stack's API and replay rule invoke. */
  public static final String PROCESSING_ALIAS = "live";

  public String apiUrl() {
    return endpoint + "/" + STAGE;
  }

  public String invokeRoleArn() {
    return "arn:aws:iam::" + ACCOUNT + ":role/" + INVOKE_ROLE_NAME;
  }

  public String busName() {
    return stackName + "-failed-jobs";
  }

  public String archiveName() {
    return stackName + "-failed-jobs-archive";
  }

  public String replayRuleArn() {
    return "arn:aws:events:"
        + region
        + ":"
        + ACCOUNT
        + ":rule/"
        + busName()
        + "/"
        + stackName
        + "-replay";
  }

  public String tableName() {
    return stackName + "-jobs";
  }

  public String processFunctionName() {
    return stackName + "-ProcessJob";
  }

  public String failedFunctionName() {
    return stackName + "-FailedJob";
  }

  /** Lambda's default log group of a function, which the local functions write to. */
  public String processingLogGroupName() {
    return "/aws/lambda/" + processFunctionName();
  }

  public String failedJobsLogGroupName() {
    return "/aws/lambda/" + failedFunctionName();
  }

  public String logGroupArn(String name) {
    return "arn:aws:logs:" + region + ":" + ACCOUNT + ":log-group:" + name;
  }

  /** The stack's operator policy: a name only, as nothing here checks IAM policies. */
  public String operatorPolicyArn() {
    return "arn:aws:iam::" + ACCOUNT + ":policy/" + stackName + "-operator";
  }

  public String functionArn(String name) {
    return "arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:" + name;
  }

  public String stackId() {
    return "arn:aws:cloudformation:"
        + region
        + ":"
        + ACCOUNT
        + ":stack/"
        + stackName
        + "/00000000-0000-0000-0000-000000000000";
  }

  public String apiArn(String method, String path) {
    return "arn:aws:execute-api:"
        + region
        + ":"
        + ACCOUNT
        + ":local/"
        + STAGE
        + "/"
        + method
        + path;
  }

  /** The stack outputs, by the CDK stack's output keys. */
  public Map<String, String> outputs(String busArn) {
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("ApiUrl", apiUrl());
    outputs.put("InvokeRoleArn", invokeRoleArn());
    outputs.put("EventBusArn", busArn);
    outputs.put("ArchiveName", archiveName());
    outputs.put("ReplayRuleArn", replayRuleArn());
    outputs.put("TableName", tableName());
    // No CloudWatch here: no dashboard and no alarms, but the keys are the stack's.
    outputs.put("DashboardUrl", "");
    outputs.put("AlarmNamePrefix", "");
    outputs.put(StackOutput.PROCESSING_LOG_GROUP_NAME.key(), processingLogGroupName());
    outputs.put(StackOutput.FAILED_JOBS_LOG_GROUP_NAME.key(), failedJobsLogGroupName());
    outputs.put(StackOutput.OPERATOR_POLICY_ARN.key(), operatorPolicyArn());
    return outputs;
  }
}
