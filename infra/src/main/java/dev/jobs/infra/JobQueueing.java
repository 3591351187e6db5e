package dev.jobs.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.EventSourceMapping;
import software.amazon.awscdk.services.lambda.FilterCriteria;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * Jobs named by their client and re-driven from their records. The queue function, behind {@code
 * PUT /jobs/{jobId}} and {@code POST /jobs/{jobId}/retry}, only writes the job's record {@code
 * QUEUED} (one conditional {@code UpdateItem}); the table's stream carries each {@code QUEUED}
 * image to the dispatcher, which invokes the processing function's {@code live} alias
 * asynchronously, so its retries, event age, on-failure destination and the archive hold as for
 * {@code POST /jobs}.
 *
 * <p>The stream writes no record for a write that changes nothing, and the queue function writes
 * nothing for an id that has a record, so a repeated {@code PUT} dispatches nothing. A batch the
 * dispatcher cannot hand on is retried (bisected, from the first record it reports), and after
 * {@link #DISPATCH_RETRIES} retries or a day its records go to the {@code UndispatchedJobs} queue:
 * those jobs stay {@code QUEUED}, listed by {@code GET /jobs?status=QUEUED}, and an alarm says so.
 */
final class JobQueueing extends Construct {
  static final String HANDLER = "dev.jobs.backend.handler.QueueJobHandler::handleRequest";
  static final String DISPATCHER = "dev.jobs.backend.handler.DispatchJobHandler::handleRequest";

  /** Only the images of queued jobs reach the dispatcher (a stream event filter). */
  static final Map<String, Object> QUEUED_IMAGES =
      Map.of("dynamodb", Map.of("NewImage", Map.of("status", Map.of("S", List.of("QUEUED")))));

  /** Retries of a batch the dispatcher failed, bisected, before its records go to the queue. */
  static final int DISPATCH_RETRIES = 10;

  final BackendFunction function;
  final Alias alias;
  final BackendFunction dispatcher;
  final Queue undispatched;

  JobQueueing(Construct scope, String id, BackendFunction.Parts parts, IFunction processing) {
    super(scope, id);
    RecordWriter writer =
        RecordWriter.create(
            this,
            "Queuer",
            parts,
            HANDLER,
            "Jobs: queues a job named by its client, or a retry of one");
    function = writer.function();
    alias = writer.alias();

    dispatcher =
        BackendFunction.builder(this, "Dispatcher", parts)
            .handler(DISPATCHER, "Jobs: starts queued jobs from the table's stream")
            .timeout(Duration.seconds(60))
            .environment("PROCESSING_FUNCTION", processing.getFunctionArn())
            .build();
    dispatcher.role.addToPrincipalPolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("lambda:InvokeFunction"))
            .resources(List.of(processing.getFunctionArn()))
            .build());
    parts.table().grantStreamRead(dispatcher.role);
    undispatched =
        DeadLetterQueue.create(
            this,
            "UndispatchedJobs",
            "the on-failure destination of the dispatcher's stream mapping");
    EventSourceMapping.Builder.create(this, "QueuedJobs")
        .target(dispatcher.function)
        .eventSourceArn(parts.table().streamArn())
        .startingPosition(StartingPosition.TRIM_HORIZON)
        .batchSize(10)
        .bisectBatchOnError(true)
        .retryAttempts(DISPATCH_RETRIES)
        .maxRecordAge(Duration.days(1))
        .reportBatchItemFailures(true)
        .filters(List.of(FilterCriteria.filter(QUEUED_IMAGES)))
        .onFailure(new SqsDlq(undispatched))
        .build();
  }
}
