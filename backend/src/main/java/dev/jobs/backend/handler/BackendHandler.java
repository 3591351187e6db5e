package dev.jobs.backend.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.jobs.backend.job.JobJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.crac.Resource;
import tools.jackson.databind.JsonNode;

/**
 * A handler of the backend's functions: a JSON event in, a JSON answer out, and the hooks of a
 * function SnapStart may snapshot: before the checkpoint it runs its priming and preloads its first
 * request's classes ({@link SnapStartHooks#beforeCheckpoint}); after a restore there is nothing to
 * redo ({@link SnapStartHooks#afterRestore}). Public, as Lambda and CRaC call these methods on the
 * handler classes.
 */
public abstract class BackendHandler implements RequestStreamHandler, Resource {
  private final Runnable priming;

  /**
   * @param priming what the handler runs before the snapshot; {@link SnapStartHooks#NONE} when
   *     built for a runtime that takes no snapshot
   */
  BackendHandler(Runnable priming) {
    this.priming = priming;
  }

  /** The answer to one event; {@code context} is null when the handler primes itself. */
  abstract JsonNode handle(JsonNode event, Context context);

  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JobJson.MAPPER.writeValue(output, handle(JobJson.MAPPER.readTree(input), context));
  }

  @Override
  public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
    SnapStartHooks.beforeCheckpoint(getClass(), priming);
  }

  /** Nothing to make unique per copy (see {@link SnapStartHooks#afterRestore}). */
  @Override
  public void afterRestore(org.crac.Context<? extends Resource> context) {
    SnapStartHooks.afterRestore();
  }
}
