package dev.jobs.backend.handler;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/**
 * Unwraps a job from the envelopes failure adds around it. A replayed archive event's {@code
 * detail} is the error handler's destination record; its {@code requestPayload} is the processing
 * function's destination record, whose {@code requestPayload} is the job. A job replayed and failed
 * again is wrapped again, so this unwraps any depth.
 */
public final class ReplayEnvelope {
  private static final int MAX_DEPTH = 32;

  private ReplayEnvelope() {}

  /** True for an event EventBridge delivered from an archive replay. */
  public static boolean isReplay(JsonNode event) {
    return event != null && event.has("replay-name");
  }

  /**
   * The time of an EventBridge event: when it was put on the bus (whole seconds), which a replay
   * keeps.
   *
   * @throws IllegalArgumentException when the event has no valid {@code time}
   */
  public static Instant eventTime(JsonNode event) {
    JsonNode time = event == null ? null : event.get("time");
    if (time == null || !time.isString()) {
      throw new IllegalArgumentException("the replayed event has no time");
    }
    try {
      return Instant.parse(time.asString());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the replayed event's time is not an instant: " + time);
    }
  }

  /**
   * The original job inside an event, a destination record, or the job itself.
   *
   * @throws IllegalArgumentException when no job is inside
   */
  public static JobInvocation originalJob(JsonNode event) {
    JsonNode node = event;
    for (int depth = 0; depth < MAX_DEPTH && node != null && node.isObject(); depth++) {
      if (node.has("detail") && node.has("detail-type")) {
        node = node.get("detail");
      } else if (node.has("requestPayload") && node.has("requestContext")) {
        node = node.get("requestPayload");
      } else {
        return JobInvocation.from(node);
      }
    }
    throw new IllegalArgumentException("no job found inside the event");
  }
}
