package dev.jobs.backend.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.jobs.backend.job.ApiAnswer;
import dev.jobs.backend.job.JobJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
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

  /**
   * An API function's handler, primed when {@code primes} by answering {@code event} through its
   * own whole event and answer path (see {@link #prime}).
   */
  BackendHandler(boolean primes, String event, int expectedStatus, String function) {
    this.priming =
        primes ? () -> prime(this, event, expectedStatus, function) : SnapStartHooks.NONE;
  }

  /** The answer to one event; {@code context} is null when the handler primes itself. */
  abstract JsonNode handle(JsonNode event, Context context);

  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JobJson.MAPPER.writeValue(output, handle(JobJson.MAPPER.readTree(input), context));
  }

  /**
   * The proxy response of an API function: its answer, or a 500 when answering failed (the trace
   * goes to the function's log only).
   *
   * @param what what the function does, for the log, such as {@code listing jobs}
   */
  static JsonNode proxyResponse(Context context, String what, Supplier<ApiAnswer> answering) {
    ApiAnswer answer;
    try {
      answer = answering.get();
    } catch (RuntimeException e) {
      return ProxyResponse.internalError(context, what, e);
    }
    return ProxyResponse.of(answer.statusCode(), answer.body());
  }

  /**
   * Primes an API function by running {@code event} through its whole event and answer path. A
   * function whose one store call would change a job (a cancel, a queueing) is primed with an id no
   * job can have, which it refuses with a 400 before any store call.
   *
   * @throws IllegalStateException when the handler answered another status
   */
  static void prime(BackendHandler handler, String event, int expectedStatus, String function) {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    try {
      handler.handleRequest(
          new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), answer, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode response = JobJson.MAPPER.readTree(answer.toByteArray());
    if (response.path("statusCode").asInt() != expectedStatus) {
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
