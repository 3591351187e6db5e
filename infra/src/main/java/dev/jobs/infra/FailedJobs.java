package dev.jobs.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.Archive;
import software.amazon.awscdk.services.events.BaseArchiveProps;
import software.amazon.awscdk.services.events.CfnArchive;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.destinations.EventBridgeDestination;
import software.constructs.Construct;

/**
 * Where failed jobs go: the error-handling function (the processing function's on-failure
 * destination) records the job FAILED and puts the failure on the failed-jobs bus (env {@code
 * EVENT_BUS_NAME}); when it cannot, its own on-failure destination puts the record there. The bus's
 * archive keeps every failure for a replay.
 */
final class FailedJobs extends Construct {
  static final String HANDLER = "dev.jobs.backend.handler.FailedJobHandler::handleRequest";

  final BackendFunction handler;
  final EventBus bus;
  final Archive archive;

  FailedJobs(Construct scope, String id, BackendFunction.Parts parts) {
    super(scope, id);
    bus = EventBus.Builder.create(this, "Bus").description("Failed jobs, for a replay").build();
    handler =
        BackendFunction.builder(this, "Handler", parts)
            .handler(HANDLER, "Jobs: records a failed job")
            .timeout(Duration.seconds(60))
            .environment("JOB_RETENTION_DAYS", parts.parameters().jobRetention.getValueAsString())
            .environment("EVENT_BUS_NAME", bus.getEventBusName())
            .build();
    JobTable table = parts.table();
    // On the table, FailedJobHandler only calls UpdateItem.
    table.grantUpdateItem(handler.role);
    // It puts each failure it records on the bus itself; the on-failure destination below puts
    // the ones it cannot record, with the same grant (one statement, this bus only).
    bus.grantPutEventsTo(handler.role);

    handler.function.configureAsyncInvoke(
        EventInvokeConfigOptions.builder()
            .retryAttempts(2)
            .onFailure(new EventBridgeDestination(bus))
            .build());

    archive =
        bus.archive(
            "Archive",
            BaseArchiveProps.builder()
                .description("Every failed job, for a replay")
                .eventPattern(
                    EventPattern.builder().account(List.of(Stack.of(this).getAccount())).build())
                .build());
    // The retention is a parameter (0 keeps events indefinitely).
    ((CfnArchive) archive.getNode().getDefaultChild())
        .setRetentionDays(parts.parameters().archiveRetention.getValueAsNumber());
  }
}
