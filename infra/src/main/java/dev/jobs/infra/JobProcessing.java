package dev.jobs.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.CfnEventInvokeConfig;
import software.amazon.awscdk.services.lambda.CfnVersion;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Version;
import software.constructs.Construct;

/**
 * The processing function: runs a job, invoked asynchronously. SnapStart on a published version
 * behind the {@code live} alias, which the API, the replay rule and the asynchronous invocation
 * settings (retries, event age, on-failure destination) all name.
 */
final class JobProcessing extends Construct {
  static final String HANDLER = "dev.jobs.backend.handler.ProcessJobHandler::handleRequest";
  static final String ALIAS = "live";

  final BackendFunction function;
  final Alias alias;

  JobProcessing(Construct scope, String id, BackendFunction.Parts parts, IFunction onFailure) {
    super(scope, id);
    StackParameters parameters = parts.parameters();
    function =
        BackendFunction.builder(this, "Processor", parts)
            .handler(HANDLER, "Jobs: runs a job")
            .timeout(Duration.seconds(parameters.processingTimeout.getValueAsNumber()))
            .reservedConcurrency(parameters.reservedConcurrencyOrNone())
            .snapStart()
            .environment("JOB_RETENTION_DAYS", parameters.jobRetention.getValueAsString())
            .build();
    JobTable table = parts.table();
    // The store's start, succeed and fail are all conditional UpdateItem calls.
    table.grantUpdateItem(function.role);
    // SnapStart priming reads a key no job can have (ProcessJobHandler's beforeCheckpoint), so
    // that the snapshot holds the SDK's request path; without the grant it would be refused.
    table.grantGetItem(function.role);

    Version version = function.function.getCurrentVersion();
    ((CfnVersion) version.getNode().getDefaultChild())
        .setDescription(parameters.versionedConfiguration());
    alias = Alias.Builder.create(this, "Live").aliasName(ALIAS).version(version).build();

    // The destination is invoked with the function's role, so the role must be able to.
    function.role.addToPrincipalPolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("lambda:InvokeFunction"))
            .resources(List.of(onFailure.getFunctionArn()))
            .build());
    // The L1, because retries and event age are parameters the L2 would check as numbers.
    CfnEventInvokeConfig invokeConfig =
        CfnEventInvokeConfig.Builder.create(this, "AsyncInvoke")
            .functionName(function.function.getFunctionName())
            .qualifier(ALIAS)
            .maximumRetryAttempts(parameters.retryAttempts.getValueAsNumber())
            .maximumEventAgeInSeconds(parameters.maxEventAge.getValueAsNumber())
            .destinationConfig(
                CfnEventInvokeConfig.DestinationConfigProperty.builder()
                    .onFailure(
                        CfnEventInvokeConfig.OnFailureProperty.builder()
                            .destination(onFailure.getFunctionArn())
                            .build())
                    .build())
            .build();
    // Lambda checks the destination permission when the configuration is created.
    invokeConfig.getNode().addDependency(alias);
    invokeConfig.getNode().addDependency(function.role);
  }
}
