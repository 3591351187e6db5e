package dev.jobs.local.events;

import static dev.jobs.local.events.EventBridgeFields.text;

import dev.jobs.backend.job.JobJson;
import dev.jobs.local.protocol.JsonProtocol;
import dev.jobs.local.store.Replay;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * EventBridge's wire (JSON 1.1): PutEvents, the archive, and replays, each operation's input read
 * and its output written here. The fields are checked by {@link EventBridgeFields}; what the
 * operations do is {@link EventBridge}'s.
 */
public final class EventBridgeApi {
  private final EventBridge events;

  /**
   * @param created when the archive was created
   */
  public EventBridgeApi(EventBus bus, ReplayRunner replays, Instant created) {
    this.events = new EventBridge(bus, replays, created);
  }

  /** The service, as the JSON 1.1 protocol serves it. */
  public JsonProtocol.Service service() {
    return new JsonProtocol.Service(
        "events",
        "AWSEvents.",
        events::checkAccess,
        Map.of(
            "PutEvents", this::putEvents,
            "ListArchives", this::listArchives,
            "DescribeArchive", this::describeArchive,
            "StartReplay", this::startReplay,
            "DescribeReplay", this::describeReplay,
            "ListReplays", this::listReplays,
            "CancelReplay", this::cancelReplay));
  }

  private ObjectNode putEvents(JsonNode input) {
    ArrayNode results = JobJson.MAPPER.createArrayNode();
    int failed = 0;
    for (EventBridge.PutResult result : events.put(EventBridgeFields.putEntries(input))) {
      ObjectNode json = results.addObject();
      if (result.errorCode() != null) {
        failed++;
        json.put("ErrorCode", result.errorCode());
        json.put("ErrorMessage", result.errorMessage());
      } else {
        json.put("EventId", result.eventId());
      }
    }
    ObjectNode output = JobJson.MAPPER.createObjectNode();
    output.put("FailedEntryCount", failed);
    output.set("Entries", results);
    return output;
  }

  private ObjectNode listArchives(JsonNode input) {
    ArrayNode archives = JobJson.MAPPER.createArrayNode();
    for (EventBridge.Archive archive :
        events.archives(
            text(input, "NamePrefix"), text(input, "EventSourceArn"), text(input, "State"))) {
      archives.add(archiveJson(archive, false));
    }
    ObjectNode output = JobJson.MAPPER.createObjectNode();
    output.set("Archives", archives);
    return output;
  }

  private ObjectNode describeArchive(JsonNode input) {
    return archiveJson(events.archive(text(input, "ArchiveName")), true);
  }

  private static ObjectNode archiveJson(EventBridge.Archive archive, boolean full) {
    ObjectNode json = JobJson.MAPPER.createObjectNode();
    if (full) {
      json.put("ArchiveArn", archive.arn());
    }
    json.put("ArchiveName", archive.name());
    json.put("EventSourceArn", archive.sourceArn());
    if (full) {
      json.put("Description", archive.description());
      json.put("EventPattern", archive.pattern());
    }
    json.put("State", "ENABLED");
    json.put("RetentionDays", 0);
    json.put("SizeBytes", archive.sizeBytes());
    json.put("EventCount", archive.eventCount());
    json.put("CreationTime", seconds(archive.createdAt()));
    return json;
  }

  private ObjectNode startReplay(JsonNode input) {
    EventBridgeFields.requireReplayFields(input);
    String name = EventBridgeFields.replayName(input);
    String destination = input.path("Destination").path("Arn").asString(null);
    events.checkReplayRoute(text(input, "EventSourceArn"), destination);
    for (JsonNode filter : input.path("Destination").path("FilterArns")) {
      events.checkReplayRule(filter.asString());
    }
    EventBridgeFields.Window window = EventBridgeFields.replayWindow(input);
    Replay replay =
        events.startReplay(
            name, text(input, "Description"), window.start(), window.end(), destination);
    ObjectNode output = JobJson.MAPPER.createObjectNode();
    output.put("ReplayArn", events.replayArn(name));
    output.put("State", replay.state());
    output.put("ReplayStartTime", seconds(replay.startTime()));
    return output;
  }

  private ObjectNode describeReplay(JsonNode input) {
    Replay replay = events.replay(EventBridgeFields.replayName(input));
    ObjectNode output = replayJson(replay);
    output.put("ReplayArn", events.replayArn(replay.name()));
    if (replay.description() != null) {
      output.put("Description", replay.description());
    }
    ObjectNode destination = output.putObject("Destination");
    destination.put("Arn", replay.destinationArn());
    destination.putArray("FilterArns").add(events.replayRuleArn());
    return output;
  }

  private ObjectNode listReplays(JsonNode input) {
    ArrayNode list = JobJson.MAPPER.createArrayNode();
    for (Replay replay :
        events.replays(
            text(input, "NamePrefix"), text(input, "State"), text(input, "EventSourceArn"))) {
      list.add(replayJson(replay));
    }
    ObjectNode output = JobJson.MAPPER.createObjectNode();
    output.set("Replays", list);
    return output;
  }

  private ObjectNode cancelReplay(JsonNode input) {
    Replay cancelling = events.cancelReplay(EventBridgeFields.replayName(input));
    ObjectNode output = JobJson.MAPPER.createObjectNode();
    output.put("ReplayArn", events.replayArn(cancelling.name()));
    output.put("State", cancelling.state());
    return output;
  }

  private static ObjectNode replayJson(Replay replay) {
    ObjectNode json = JobJson.MAPPER.createObjectNode();
    json.put("ReplayName", replay.name());
    json.put("EventSourceArn", replay.sourceArn());
    json.put("State", replay.state());
    if (replay.stateReason() != null) {
      json.put("StateReason", replay.stateReason());
    }
    json.put("EventStartTime", seconds(replay.eventStart()));
    json.put("EventEndTime", seconds(replay.eventEnd()));
    if (replay.lastReplayed() != null) {
      json.put("EventLastReplayedTime", seconds(replay.lastReplayed()));
    }
    json.put("ReplayStartTime", seconds(replay.startTime()));
    if (replay.endTime() != null) {
      json.put("ReplayEndTime", seconds(replay.endTime()));
    }
    return json;
  }

  /** JSON 1.1 timestamps are epoch seconds, with a fraction. */
  private static BigDecimal seconds(long millis) {
    return BigDecimal.valueOf(millis, 3);
  }
}
