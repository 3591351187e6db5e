package dev.jobs.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.Archive;
import software.amazon.awscdk.services.events.BaseArchiveProps;
import software.amazon.awscdk.services.events.CfnArchive;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.destinations.EventBridgeDestination;
import software.constructs.Construct;

/**
 * Where failed jobs go: the error-handling function (the processing function's on-failure
 * destination) records the job FAILED; when it cannot, its own on-failure destination puts the
 * record on the failed-jobs bus, whose archive keeps it for a replay.
 */
final class FailedJobs extends Construct {
  static final String HANDLER = "dev.jobs.backend.handler.FailedJobHandler::handleRequest";

  private final BackendFunction handler;
  private final EventBus bus;
  private final Archive archive;

  FailedJobs(
      Construct scope,
      String id,
      JobsStackProps props,
      StackParameters parameters,
      Code code,
      JobTable table,
      EncryptedLogs logs) {
    super(scope, id);
    handler =
        new BackendFunction(
            this,
            "Handler",
            code,
            HANDLER,
            "Jobs: records a failed job",
            logs,
            props.memorySizeMb(),
            Duration.seconds(60),
            null,
            false,
            Map.of(
                "TABLE_NAME", table.table().getTableName(),
                "JOB_RETENTION_DAYS", parameters.jobRetention.getValueAsString()));
    // FailedJobHandler only calls UpdateItem.
    table.grantUpdateItem(handler.role());

    bus =
        EventBus.Builder.create(this, "Bus").description("Jobs that could not be recorded").build();
    handler
        .function()
        .configureAsyncInvoke(
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
        .setRetentionDays(parameters.archiveRetention.getValueAsNumber());
  }

  BackendFunction handler() {
    return handler;
  }

  EventBus bus() {
    return bus;
  }

  Archive archive() {
    return archive;
  }
}
