package dev.jobs.infra;

import dev.jobs.backend.store.DynamoDbJobStore;
import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * The jobs table: one item per job keyed by {@code id}, on-demand, point-in-time recovery, a
 * customer-managed key with rotation, the TTL on {@code expiresAt}, and the index the list function
 * pages through. Grants name single DynamoDB actions: the functions only update, the API only
 * reads, the list function only queries the index.
 */
final class JobTable extends Construct {
  /** The TTL attribute of the backend's item format. */
  static final String TTL_ATTRIBUTE = "expiresAt";

  /**
   * The index of jobs by status and day, which the backend's store writes the keys of: {@code
   * listKey} is {@code STATUS#yyyy-MM-dd#shard} (4 shards, so that one status and day spreads its
   * writes over 4 partitions, each capped at 1,000 writes/s), {@code listAt} is the status time
   * with fixed nanos then {@code #id}, which sorts as time then id. Projection ALL: a page is the
   * records themselves, with no read back from the table.
   */
  static final String LIST_INDEX = DynamoDbJobStore.INDEX;

  static final String LIST_PARTITION_KEY = DynamoDbJobStore.LIST_KEY;
  static final String LIST_SORT_KEY = DynamoDbJobStore.LIST_AT;

  private final Key key;
  final Table table;

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
            // New and old images: the dispatcher starts the jobs whose new image is QUEUED (its
            // filter), the aggregator moves each job's counters from its old image to its new.
            .stream(StreamViewType.NEW_AND_OLD_IMAGES)
            .build();
    table.addGlobalSecondaryIndex(
        GlobalSecondaryIndexProps.builder()
            .indexName(LIST_INDEX)
            .partitionKey(
                Attribute.builder().name(LIST_PARTITION_KEY).type(AttributeType.STRING).build())
            .sortKey(Attribute.builder().name(LIST_SORT_KEY).type(AttributeType.STRING).build())
            .projectionType(ProjectionType.ALL)
            .build());
  }

  /** For the API's {@code GET}: one consistent {@code GetItem}, and decrypting what it reads. */
  void grantGetItem(IGrantable grantee) {
    grant(
        grantee,
        List.of("dynamodb:GetItem"),
        List.of(table.getTableArn()),
        List.of("kms:Decrypt", "kms:DescribeKey"));
  }

  /** For the list function: {@code Query} on the list index only, and decrypting what it reads. */
  void grantQueryListIndex(IGrantable grantee) {
    grant(
        grantee,
        List.of("dynamodb:Query"),
        List.of(listIndexArn()),
        List.of("kms:Decrypt", "kms:DescribeKey"));
  }

  /** The key of the table, which the stats table shares: its counters name types and errors. */
  Key key() {
    return key;
  }

  /**
   * The table's stream, which carries queued jobs to the dispatcher, and changes to the counters.
   */
  String streamArn() {
    return Objects.requireNonNull(table.getTableStreamArn(), "the table has a stream");
  }

  /**
   * For the dispatcher's stream mapping: reading the table's stream alone (Lambda lists, describes
   * and reads its shards), and decrypting what it reads.
   */
  void grantStreamRead(IGrantable grantee) {
    grant(
        grantee,
        List.of(
            "dynamodb:DescribeStream",
            "dynamodb:GetRecords",
            "dynamodb:GetShardIterator",
            "dynamodb:ListStreams"),
        List.of(streamArn()),
        List.of("kms:Decrypt", "kms:DescribeKey"));
  }

  private String listIndexArn() {
    return table.getTableArn() + "/index/" + LIST_INDEX;
  }

  /**
   * For the functions: the store writes only with conditional {@code UpdateItem} (the processing
   * function reads the new item back from the same call, {@code ReturnValues ALL_NEW}).
   */
  void grantUpdateItem(IGrantable grantee) {
    grant(
        grantee,
        List.of("dynamodb:UpdateItem"),
        List.of(table.getTableArn()),
        List.of("kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"));
  }

  private void grant(
      IGrantable grantee,
      List<String> tableActions,
      List<String> tableResources,
      List<String> keyActions) {
    grantee
        .getGrantPrincipal()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .actions(tableActions)
                .resources(tableResources)
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
