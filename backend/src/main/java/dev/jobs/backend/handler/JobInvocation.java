package dev.jobs.backend.handler;

import dev.jobs.backend.queue.JobDispatcher;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/**
 * What API Gateway's request template sends the processing function: {@code {"id":
 * "$context.requestId", "parameters": $input.body}}; or what the dispatcher of {@code QUEUED} jobs
 * sends it, {@code {"id", "parameters", "queuedAt"}}, the queueing it starts.
 *
 * @param queuedAt the queueing a dispatch starts; null for the API's invocation
 */
public record JobInvocation(String id, JsonNode parameters, Instant queuedAt) {
  public JobInvocation(String id, JsonNode parameters) {
    this(id, parameters, null);
  }

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
    JsonNode queuedAt = event.get(JobDispatcher.QUEUED_AT);
    if (queuedAt == null) {
      return new JobInvocation(id.asString(), event.path("parameters"));
    }
    try {
      return new JobInvocation(
          id.asString(), event.path("parameters"), Instant.parse(queuedAt.asString()));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the event's queuedAt is not an ISO-8601 instant", e);
    }
  }
}
