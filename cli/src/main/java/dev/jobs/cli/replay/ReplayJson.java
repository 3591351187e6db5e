package dev.jobs.cli.replay;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/** A replay as {@code jobs replay} and {@code jobs replays list} answer it in JSON: one shape. */
public final class ReplayJson {
  private ReplayJson() {}

  /** Puts a replay's fields, in this order; {@code arn} and {@code reason} only when known. */
  public static ObjectNode put(
      ObjectNode json,
      String name,
      String arn,
      String state,
      String reason,
      Instant start,
      Instant end) {
    json.put("name", name);
    if (arn != null) {
      json.put("arn", arn);
    }
    json.put("state", state);
    if (reason != null) {
      json.put("stateReason", reason);
    }
    json.put("eventStartTime", String.valueOf(start));
    json.put("eventEndTime", String.valueOf(end));
    return json;
  }
}
