package dev.jobs.infra;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.EventSourceMapping;
import software.amazon.awscdk.services.lambda.FilterCriteria;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * {@code GET /jobs/stats} from counters, never from the jobs of the window. The aggregator reads
 * the job table's stream (new and old images) and moves each changed job's counters, per minute,
 * hour and day, type and status, with run-time buckets and failures, in the stats table, together
 * with the job's last counted sequence number (so a change delivered twice counts once). The stats
 * function, behind the API's method, sums a window's counters and reads the RUNNING jobs from the
 * status index. The stats table's items expire with the jobs they count ({@code expiresAt}, the job
 * retention past their period).
 */
final class JobStatistics extends Construct {
  static final String HANDLER = "dev.jobs.backend.handler.JobStatsHandler::handleRequest";
  static final String AGGREGATOR = "dev.jobs.backend.handler.AggregateStatsHandler::handleRequest";

  /**
   * Only inserts and updates are counted: the table's TTL removals leave the counters as they are.
   */
  static final Map<String, Object> CHANGES = Map.of("eventName", List.of("INSERT", "MODIFY"));

  /** Retries of a batch the aggregator failed, bisected, before its records go to the queue. */
  static final int AGGREGATE_RETRIES = 10;

  /** Records per batch: a batch's counters are summed before they are written. */
  static final int BATCH_SIZE = 100;

  final Table table;
  final BackendFunction function;
  final Alias alias;
  final BackendFunction aggregator;
  final Queue uncounted;

  JobStatistics(Construct scope, String id, BackendFunction.Parts parts) {
    super(scope, id);
    JobTable jobs = parts.table();
    table =
        Table.Builder.create(this, "Table")
            .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
            .sortKey(Attribute.builder().name("sk").type(AttributeType.STRING).build())
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .pointInTimeRecoverySpecification(
                PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
            .encryption(TableEncryption.CUSTOMER_MANAGED)
            .encryptionKey(jobs.key())
            .timeToLiveAttribute(JobTable.TTL_ATTRIBUTE)
            .build();
    String retention = parts.parameters().jobRetention.getValueAsString();

    function =
        BackendFunction.builder(this, "Counter", parts)
            .handler(HANDLER, "Jobs: adds up the jobs of a window from the counters")
            .timeout(JobListing.TIMEOUT)
            .snapStart()
            .environment("STATS_TABLE_NAME", table.getTableName())
            .build();
    grant(function.role, List.of("dynamodb:Query"), List.of(table.getTableArn()), jobs, false);
    jobs.grantQueryListIndex(function.role);
    alias =
        Alias.Builder.create(this, "Live")
            .aliasName(JobProcessing.ALIAS)
            .version(function.function.getCurrentVersion())
            .build();

    aggregator =
        BackendFunction.builder(this, "Aggregator", parts)
            .handler(AGGREGATOR, "Jobs: counts the changes of jobs from the table's stream")
            .timeout(Duration.seconds(60))
            .environment("STATS_TABLE_NAME", table.getTableName())
            .environment("JOB_RETENTION_DAYS", retention)
            .build();
    // TransactWriteItems is authorized as the UpdateItem calls it holds.
    grant(
        aggregator.role,
        List.of("dynamodb:BatchGetItem", "dynamodb:UpdateItem"),
        List.of(table.getTableArn()),
        jobs,
        true);
    jobs.grantStreamRead(aggregator.role);
    uncounted =
        Queue.Builder.create(this, "UncountedChanges")
            .encryption(QueueEncryption.SQS_MANAGED)
            .enforceSsl(true)
            .retentionPeriod(Duration.days(14))
            .build();
    NagSuppression.apply(
        uncounted,
        new NagSuppression(
            "AwsSolutions-SQS3",
            "This queue is itself the on-failure destination of the aggregator's stream mapping"));
    EventSourceMapping.Builder.create(this, "JobChanges")
        .target(aggregator.function)
        .eventSourceArn(jobs.streamArn())
        .startingPosition(StartingPosition.TRIM_HORIZON)
        .batchSize(BATCH_SIZE)
        .maxBatchingWindow(Duration.seconds(1))
        .bisectBatchOnError(true)
        .retryAttempts(AGGREGATE_RETRIES)
        .maxRecordAge(Duration.days(1))
        .filters(List.of(FilterCriteria.filter(CHANGES)))
        .onFailure(new SqsDlq(uncounted))
        .build();
  }

  private static void grant(
      IGrantable grantee,
      List<String> actions,
      List<String> resources,
      JobTable jobs,
      boolean writes) {
    grantee
        .getGrantPrincipal()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create().actions(actions).resources(resources).build());
    grantee
        .getGrantPrincipal()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .actions(
                    writes
                        ? List.of(
                            "kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey")
                        : List.of("kms:Decrypt", "kms:DescribeKey"))
                .resources(List.of(Objects.requireNonNull(jobs.key().getKeyArn())))
                .build());
  }
}
