package dev.jobs.cli.replay;

import java.time.Instant;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.Replay;
import tools.jackson.databind.node.ObjectNode;

/**
 * A replay's state and window as {@code jobs replay} and {@code jobs replays list} answer them in
 * JSON, after the fields each puts first (its name; {@code jobs replay} also its ARN).
 */
public final class ReplayJson {
  private ReplayJson() {}

  /** The state and window of a replay as {@code DescribeReplay} answers it. */
  public static ObjectNode putState(ObjectNode json, DescribeReplayResponse r) {
    return putState(json, r.stateAsString(), r.stateReason(), r.eventStartTime(), r.eventEndTime());
  }

  /** The state and window of a replay as {@code ListReplays} answers it. */
  public static ObjectNode putState(ObjectNode json, Replay r) {
    return putState(json, r.stateAsString(), r.stateReason(), r.eventStartTime(), r.eventEndTime());
  }

  /** Puts the state, its reason when there is one, and the window, in this order. */
  private static ObjectNode putState(
      ObjectNode json, String state, String reason, Instant start, Instant end) {
    json.put("state", state);
    if (reason != null) {
      json.put("stateReason", reason);
    }
    json.put("eventStartTime", String.valueOf(start));
    json.put("eventEndTime", String.valueOf(end));
    return json;
  }
}
