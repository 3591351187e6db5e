package dev.jobs.cli.replay;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * A replay's state and window as {@code jobs replay} and {@code jobs replays list} answer them in
 * JSON, after the fields each puts first (its name; {@code jobs replay} also its ARN).
 */
public final class ReplayJson {
  private ReplayJson() {}

  /** Puts the state, its reason when there is one, and the window, in this order. */
  public static ObjectNode putState(
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
