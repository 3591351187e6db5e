package dev.jobs.infra;

import java.util.List;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * The jobs table: one item per job keyed by {@code id}, on-demand, point-in-time recovery, a
 * customer-managed key with rotation, and the TTL on {@code expiresAt}. Grants name single DynamoDB
 * actions: the functions only update, the API only reads.
 */
final class JobTable extends Construct {
  /** The TTL attribute of the backend's item format. */
  static final String TTL_ATTRIBUTE = "expiresAt";

  private final Key key;
  private final Table table;

  JobTable(Construct scope, String id) {
    super(scope, id);
    key =
        Key.Builder.create(this, "Key")
            .description("Encrypts the jobs table")
            .enableKeyRotation(true)
            .build();
    table =
        Table.Builder.create(this, "Table")
            .partitionKey(Attribute.builder().name("id").type(AttributeType.STRING).build())
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .pointInTimeRecoverySpecification(
                PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
            .encryption(TableEncryption.CUSTOMER_MANAGED)
            .encryptionKey(key)
            .timeToLiveAttribute(TTL_ATTRIBUTE)
            .build();
  }

  Table table() {
    return table;
  }

  /** For the API's {@code GET}: one consistent {@code GetItem}, and decrypting what it reads. */
  void grantGetItem(IGrantable grantee) {
    grant(grantee, List.of("dynamodb:GetItem"), List.of("kms:Decrypt", "kms:DescribeKey"));
  }

  /**
   * For the functions: the store writes only with conditional {@code UpdateItem} (the processing
   * function reads the new item back from the same call, {@code ReturnValues ALL_NEW}).
   */
  void grantUpdateItem(IGrantable grantee) {
    grant(
        grantee,
        List.of("dynamodb:UpdateItem"),
        List.of("kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"));
  }

  private void grant(IGrantable grantee, List<String> tableActions, List<String> keyActions) {
    grantee
        .getGrantPrincipal()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .actions(tableActions)
                .resources(List.of(table.getTableArn()))
                .build());
    grantee
        .getGrantPrincipal()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .actions(keyActions)
                .resources(List.of(key.getKeyArn()))
                .build());
  }
}
