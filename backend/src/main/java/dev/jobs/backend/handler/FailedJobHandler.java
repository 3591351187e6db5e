package dev.jobs.backend.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.jobs.backend.events.EventBridgeFailureBus;
import dev.jobs.backend.events.FailureBus;
import dev.jobs.backend.job.JobJson;
import tools.jackson.databind.JsonNode;

/**
 * The error-handling function: the processing function's on-failure destination. Records the job as
 * FAILED, then puts the failure on the failed-jobs bus, whose archive keeps it for a replay. When
 * either fails it throws: Lambda retries the handler, and after its retries its own destination
 * puts the record on the bus.
 */
public class FailedJobHandler extends BackendHandler {
  private final FailureRecorder recorder;
  private final FailureBus bus;

  /**
   * Lambda's constructor: wired from the environment, once per container; primed should its
   * function take SnapStart snapshots (the stack gives it none: it runs after a failure, where a
   * cold start costs no caller a wait).
   */
  public FailedJobHandler() {
    this(Backend.fromEnvironment(), EventBridgeFailureBus.fromEnvironment(System.getenv()));
    SnapStartHooks.register(this);
  }

  private FailedJobHandler(Backend backend, FailureBus bus) {
    this(backend.failures(), bus, backend.priming()::failurePath);
  }

  /** Without priming: for a runtime that takes no snapshot. */
  public FailedJobHandler(FailureRecorder recorder, FailureBus bus) {
    this(recorder, bus, SnapStartHooks.NONE);
  }

  /**
   * @param priming primes the parsing of a destination record (see {@link Priming#failurePath});
   *     neither records nor puts anything, and calls neither the table (the role may only update
   *     it) nor the bus
   */
  FailedJobHandler(FailureRecorder recorder, FailureBus bus, Runnable priming) {
    super(priming);
    this.recorder = recorder;
    this.bus = bus;
  }

  @Override
  JsonNode handle(JsonNode json, Context context) {
    DestinationRecord record = DestinationRecord.from(json);
    boolean recorded = recorder.record(record, context == null ? null : context.getAwsRequestId());
    // Also when the job had already ended: a retry of this handler must put what its first
    // attempt recorded but could not put; a replay never re-drives a job that succeeded.
    bus.put(json);
    return JobJson.MAPPER.createObjectNode().put("recorded", recorded);
  }
}
