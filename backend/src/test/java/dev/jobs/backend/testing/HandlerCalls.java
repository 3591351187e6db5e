package dev.jobs.backend.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.jobs.backend.job.JobJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/** Calls a handler as Lambda does: the event's bytes in, the answer's bytes out. */
public final class HandlerCalls {
  private HandlerCalls() {}

  /** The handler's answer, as text. */
  public static String answer(RequestStreamHandler handler, String event, Context context)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, context);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The handler's answer, as JSON. */
  public static JsonNode json(RequestStreamHandler handler, String event, Context context)
      throws IOException {
    return JobJson.MAPPER.readTree(answer(handler, event, context));
  }
}
