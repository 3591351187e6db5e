package dev.jobs.backend.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.jobs.backend.job.JobJson;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * The event-processing function. Takes the API's invocation {@code {"id", "parameters"}}, or an
 * event replayed from the failed-jobs archive (it carries {@code replay-name}), which re-drives the
 * job inside it under the same id, once per failure (the event's time tells which failure it
 * carries). A failed job throws, so that Lambda's asynchronous retries and the on-failure
 * destination take over; a cancelled one returns, so that neither does.
 */
public class ProcessJobHandler extends BackendHandler {
  private final JobProcessor processor;

  /**
   * Lambda's constructor: wired from the environment, once per container, and primed before
   * SnapStart's snapshot.
   */
  public ProcessJobHandler() {
    this(Backend.fromEnvironment());
    SnapStartHooks.register(this);
  }

  private ProcessJobHandler(Backend backend) {
    this(backend.processor(), backend.priming()::processingPath);
  }

  /** Without priming: for a runtime that takes no snapshot. */
  public ProcessJobHandler(JobProcessor processor) {
    this(processor, SnapStartHooks.NONE);
  }

  /**
   * @param priming primes the request path (see {@link Priming#processingPath}); writes nothing
   */
  ProcessJobHandler(JobProcessor processor, Runnable priming) {
    super(priming);
    this.processor = processor;
  }

  @Override
  JsonNode handle(JsonNode event, Context context) {
    boolean replay = ReplayEnvelope.isReplay(event);
    JobInvocation job = replay ? ReplayEnvelope.originalJob(event) : JobInvocation.from(event);
    Instant replayOf = replay ? ReplayEnvelope.eventTime(event) : null;
    JobProcessor.Outcome outcome =
        processor.process(
            job,
            replayOf,
            () -> Duration.ofMillis(context.getRemainingTimeInMillis()),
            context.getAwsRequestId());
    return JobJson.MAPPER.createObjectNode().put("id", job.id()).put("outcome", outcome.name());
  }
}
