package dev.jobs.backend.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.jobs.backend.queue.JobDispatcher;
import dev.jobs.backend.queue.LambdaJobDispatch;
import tools.jackson.databind.JsonNode;

/**
 * The dispatcher: the job table's stream (filtered to {@code QUEUED} images) in, one asynchronous
 * invocation of the processing function's alias per queued job out, and Lambda's partial batch
 * answer naming the first record it could not dispatch. No SnapStart: nobody waits for it.
 */
public class DispatchJobHandler extends BackendHandler {
  private final JobDispatcher dispatcher;

  /** Lambda's constructor: wired from the environment, once per container. */
  public DispatchJobHandler() {
    this(new JobDispatcher(LambdaJobDispatch.fromEnvironment(System.getenv())));
  }

  public DispatchJobHandler(JobDispatcher dispatcher) {
    super(SnapStartHooks.NONE);
    this.dispatcher = dispatcher;
  }

  @Override
  JsonNode handle(JsonNode event, Context context) {
    return JobDispatcher.batchResponse(dispatcher.dispatch(event));
  }
}
