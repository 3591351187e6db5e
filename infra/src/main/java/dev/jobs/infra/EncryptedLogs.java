package dev.jobs.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The stack's log groups (API access logs, the functions' logs): encrypted with one
 * customer-managed key that only CloudWatch Logs of this account and region may use, for log groups
 * of this account, and kept for the {@code LogRetentionDays} parameter.
 */
final class EncryptedLogs extends Construct {
  private final Key key;
  private final CfnParameter retention;

  EncryptedLogs(Construct scope, String id, CfnParameter retention) {
    super(scope, id);
    this.retention = retention;
    Stack stack = Stack.of(this);
    key =
        Key.Builder.create(this, "Key")
            .description("Encrypts the jobs stack's log groups")
            .enableKeyRotation(true)
            .build();
    key.addToResourcePolicy(
        PolicyStatement.Builder.create()
            .principals(
                List.of(new ServicePrincipal("logs." + stack.getRegion() + ".amazonaws.com")))
            .actions(
                List.of(
                    "kms:Encrypt",
                    "kms:Decrypt",
                    "kms:ReEncryptFrom",
                    "kms:ReEncryptTo",
                    "kms:GenerateDataKey",
                    "kms:DescribeKey"))
            .resources(List.of("*"))
            .conditions(
                Map.of(
                    "ArnLike",
                    Map.of(
                        "kms:EncryptionContext:aws:logs:arn",
                        "arn:"
                            + stack.getPartition()
                            + ":logs:"
                            + stack.getRegion()
                            + ":"
                            + stack.getAccount()
                            + ":log-group:*")))
            .build());
  }

  /** A new log group under this key and the retention parameter. */
  LogGroup logGroup(Construct scope, String id) {
    LogGroup group = LogGroup.Builder.create(scope, id).encryptionKey(key).build();
    // The retention is a parameter; the L2 only takes its fixed enumeration.
    ((CfnLogGroup) group.getNode().getDefaultChild())
        .setRetentionInDays(retention.getValueAsNumber());
    return group;
  }
}
