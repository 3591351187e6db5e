package dev.jobs.infra;

import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.Archive;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.constructs.Construct;

/**
 * What an operator of the CLI may do, as one managed policy to attach to a role or user: exactly
 * the calls of {@code jobs logs} ({@code FilterLogEvents} on the two log groups), {@code jobs
 * replay} and {@code jobs replays} (the replay calls on the archive, the bus and the replays),
 * {@code jobs alarms} ({@code DescribeAlarms} on the stack's alarms), reading the stack's outputs
 * ({@code jobs target add}), and assuming the invoke role for the jobs API. Nothing wider: no other
 * log group, archive or alarm, and no write to any of them but a replay's start and cancel.
 */
final class OperatorPolicy extends Construct {
  static final String DESCRIPTION =
      "jobs operator: jobs logs, replay, replays, alarms and target add on this stack";

  final ManagedPolicy policy;

  /** The resources an operator works on. */
  record Operated(
      ILogGroup processingLog,
      ILogGroup failedJobsLog,
      IEventBus bus,
      Archive archive,
      String alarmNamePrefix,
      IRole invokeRole) {}

  OperatorPolicy(Construct scope, String id, Operated operated) {
    super(scope, id);
    Stack stack = Stack.of(this);
    String replays =
        stack.formatArn(
            ArnComponents.builder().service("events").resource("replay").resourceName("*").build());
    String alarms =
        stack.formatArn(
            ArnComponents.builder()
                .service("cloudwatch")
                .resource("alarm")
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .resourceName(operated.alarmNamePrefix() + "*")
                .build());
    policy =
        ManagedPolicy.Builder.create(this, "Policy")
            .description(DESCRIPTION)
            .statements(
                List.of(
                    allow(
                        List.of("logs:FilterLogEvents"),
                        operated.processingLog().getLogGroupArn(),
                        operated.failedJobsLog().getLogGroupArn()),
                    allow(
                        List.of("events:DescribeArchive", "events:StartReplay"),
                        operated.archive().getArchiveArn(),
                        operated.bus().getEventBusArn()),
                    allow(List.of("events:DescribeReplay", "events:CancelReplay"), replays),
                    // ListReplays has no resource-level permission: IAM takes only "*".
                    allow(List.of("events:ListReplays"), "*"),
                    allow(List.of("cloudwatch:DescribeAlarms"), alarms),
                    allow(List.of("cloudformation:DescribeStacks"), Aws.STACK_ID),
                    allow(List.of("sts:AssumeRole"), operated.invokeRole().getRoleArn())))
            .build();
    NagSuppression.apply(
        policy,
        new NagSuppression(
            "AwsSolutions-IAM5",
            "Replay names are the operator's choice (jobs replay --name), alarm names are the"
                + " stack's prefix and a name, and ListReplays takes no resource: each wildcard is"
                + " the narrowest IAM allows for the call",
            List.of(
                NagSuppression.matching("^Resource::arn:<AWS::Partition>:events:.*:replay/\\*$"),
                NagSuppression.matching(
                    "^Resource::arn:<AWS::Partition>:cloudwatch:.*:alarm:.*\\*$"),
                "Resource::*")));
  }

  private static PolicyStatement allow(List<String> actions, String... resources) {
    return PolicyStatement.Builder.create().actions(actions).resources(List.of(resources)).build();
  }
}
