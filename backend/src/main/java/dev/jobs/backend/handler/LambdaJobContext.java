package dev.jobs.backend.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.jobs.kind.JobContext;
import java.time.Duration;

/** A job's view of its Lambda invocation. */
record LambdaJobContext(String jobId, int attempt, Context lambda) implements JobContext {
  @Override
  public Duration remainingTime() {
    return Duration.ofMillis(lambda.getRemainingTimeInMillis());
  }
}
