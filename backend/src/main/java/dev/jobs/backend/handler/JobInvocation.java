package dev.jobs.backend.handler;

import tools.jackson.databind.JsonNode;

/**
 * What API Gateway's request template sends the processing function: {@code {"id":
 * "$context.requestId", "parameters": $input.body}}.
 */
public record JobInvocation(String id, JsonNode parameters) {
  /**
   * Reads an invocation.
   *
   * @throws IllegalArgumentException when there is no job id (nothing could be recorded)
   */
  public static JobInvocation from(JsonNode event) {
    JsonNode id = event == null ? null : event.get("id");
    if (id == null || !id.isString() || id.asString().isBlank()) {
      throw new IllegalArgumentException(
          "the event has no job id: expected {\"id\", \"parameters\"}");
    }
    return new JobInvocation(id.asString(), event.path("parameters"));
  }
}
