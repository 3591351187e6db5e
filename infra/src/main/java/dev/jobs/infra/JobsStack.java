package dev.jobs.infra;

import dev.jobs.backend.settings.StackOutput;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CliCredentialsStackSynthesizer;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.apigateway.Method;
import software.amazon.awscdk.services.lambda.Code;
import software.constructs.Construct;

/**
 * The AWS side of jobs: API Gateway, the processing, error-handling, list and cancel functions, the
 * failed-jobs bus with its archive and replay rule, the table with its list index, the invoke role,
 * the operator policy, and the optional web ACL.
 */
public final class JobsStack extends Stack {
  /**
   * The bucket {@code jobs deploy} creates and uploads the assets to: named from account and region
   * so that no {@code cdk bootstrap} is needed.
   */
  public static final String ASSET_BUCKET = "jobs-assets-${AWS::AccountId}-${AWS::Region}";

  private JobsStack(Construct scope, JobsStackProps props) {
    super(
        scope,
        props.stackName(),
        StackProps.builder()
            .stackName(props.stackName())
            .description("jobs: long-running jobs behind a REST API")
            .synthesizer(
                CliCredentialsStackSynthesizer.Builder.create()
                    .fileAssetsBucketName(ASSET_BUCKET)
                    .build())
            .build());
    props.requireBackendJar();
    StackParameters parameters = new StackParameters(this, props);
    Code code = Code.fromAsset(props.backendJar().toString());

    EncryptedLogs logs = new EncryptedLogs(this, "Logs", parameters.logRetention);
    JobTable table = new JobTable(this, "Jobs");
    BackendFunction.Parts parts = new BackendFunction.Parts(props, parameters, code, logs, table);
    FailedJobs failed = new FailedJobs(this, "FailedJobs", parts);
    JobProcessing processing =
        new JobProcessing(this, "Processing", parts, failed.handler.function);
    KindsLayer kinds = new KindsLayer(this, "Kinds", parameters);
    kinds.addTo(processing.function);
    kinds.addTo(failed.handler);
    kinds.addPoliciesTo(processing.function);
    JobReplay replay = new JobReplay(this, "Replay", props, failed.bus, processing.alias);
    JobListing listing = new JobListing(this, "Listing", parts);
    JobCancelling cancelling = new JobCancelling(this, "Cancelling", parts);
    JobQueueing queueing = new JobQueueing(this, "Queueing", parts, processing.alias);
    JobStatistics statistics = new JobStatistics(this, "Statistics", parts);
    JobsApi api =
        new JobsApi(
            this,
            "Api",
            props.stageName(),
            processing.alias,
            listing.alias,
            cancelling.alias,
            queueing.alias,
            table,
            logs,
            parameters);
    kinds.limitTypesOf(api);
    Method stats = api.addStats(statistics.alias);
    new WebFirewall(this, "Firewall", parameters, api.api.getDeploymentStage());
    InvokeRole invoke =
        new InvokeRole(
            this,
            "Invoke",
            props.invokePrincipals(),
            api.postJob,
            api.getJob,
            api.listJobs,
            api.cancelJob,
            api.putJob,
            api.retryJob,
            stats);
    Monitoring monitoring =
        new Monitoring(
            this,
            "Monitoring",
            parameters,
            new Monitoring.Watched(
                processing.function.function,
                failed.handler.function,
                cancelling.function.function,
                queueing.dispatcher.function,
                queueing.undispatched,
                failed.bus,
                replay.rule,
                replay.deadLetters,
                api.api.getDeploymentStage(),
                table.table));

    output(StackOutput.API_URL, api.url());
    output(StackOutput.INVOKE_ROLE_ARN, invoke.role.getRoleArn());
    output(StackOutput.EVENT_BUS_ARN, failed.bus.getEventBusArn());
    output(StackOutput.ARCHIVE_NAME, failed.archive.getArchiveName());
    output(StackOutput.REPLAY_RULE_ARN, replay.rule.getRuleArn());
    output(StackOutput.TABLE_NAME, table.table.getTableName());
    output(StackOutput.DASHBOARD_URL, monitoring.dashboardUrl());
    output(StackOutput.ALARM_NAME_PREFIX, monitoring.alarmNamePrefix());
    output(StackOutput.PROCESSING_LOG_GROUP_NAME, processing.function.logGroup.getLogGroupName());
    output(StackOutput.FAILED_JOBS_LOG_GROUP_NAME, failed.handler.logGroup.getLogGroupName());
    OperatorPolicy operator =
        new OperatorPolicy(
            this,
            "Operator",
            new OperatorPolicy.Operated(
                processing.function.logGroup,
                failed.handler.logGroup,
                failed.bus,
                failed.archive,
                monitoring.alarmNamePrefix(),
                invoke.role));
    output(StackOutput.OPERATOR_POLICY_ARN, operator.policy.getManagedPolicyArn());
  }

  /** The entry point of the app and of the tests. */
  public static JobsStack createStack(Construct scope, JobsStackProps props) {
    return new JobsStack(scope, props);
  }

  private void output(StackOutput output, String value) {
    CfnOutput.Builder.create(this, output.key())
        .value(value)
        .description(output.description())
        .build();
  }
}
