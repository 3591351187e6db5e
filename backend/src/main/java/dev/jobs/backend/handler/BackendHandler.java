package dev.jobs.backend.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.jobs.backend.job.JobJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

  /**
   * Primes a handler whose one store call would change a job (a cancel, a queueing): runs {@code
   * event}, whose id no job can have, through the whole event and answer path, which refuses it
   * with a 400 before any store call.
   *
   * @throws IllegalStateException when the handler answered anything else
   */
  static void primeRefused(BackendHandler handler, String event, String function) {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    try {
      handler.handleRequest(
          new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), answer, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode response = JobJson.MAPPER.readTree(answer.toByteArray());
    if (response.path("statusCode").asInt() != 400) {
      throw new IllegalStateException("the " + function + " answered " + response);
    }
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
