package dev.jobs.local.protocol;

import dev.jobs.backend.job.JobJson;
import dev.jobs.local.server.HttpCall;
import java.io.IOException;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * API Gateway's own answers, before or instead of an integration's: {@code {"message": ...}}, with
 * the error type in {@code x-amzn-ErrorType} where API Gateway sends one.
 */
public final class GatewayAnswer {
  private GatewayAnswer() {}

  /**
   * @param errorType the {@code x-amzn-ErrorType}, or null for none
   */
  public static void message(HttpCall call, int status, String message, String errorType)
      throws IOException {
    json(call, status, JobJson.MAPPER.createObjectNode().put("message", message), errorType);
  }

  /**
   * An answer of API Gateway's own with a body of its own, such as a gateway response's.
   *
   * @param errorType the {@code x-amzn-ErrorType}, or null for none
   */
  public static void json(HttpCall call, int status, ObjectNode body, String errorType)
      throws IOException {
    call.respond(
        status,
        "application/json",
        JobJson.MAPPER.writeValueAsString(body),
        errorType == null ? Map.of() : Map.of("x-amzn-ErrorType", errorType));
  }
}
