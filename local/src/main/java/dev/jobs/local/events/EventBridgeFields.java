package dev.jobs.local.events;

import dev.jobs.backend.job.JobJson;
import dev.jobs.local.protocol.AwsError;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * EventBridge's checks of its request fields, before anything is looked up: what is required, the
 * names' patterns, PutEvents' quotas and the timestamps, each answered with EventBridge's code and
 * message.
 */
final class EventBridgeFields {
  /** PutEvents' quota for its entries together, counted as EventBridge documents. */
  private static final int MAX_ENTRIES_BYTES = 256 * 1024;

  private static final Pattern REPLAY_NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");

  private EventBridgeFields() {}

  /**
   * A PutEvents entry as sent: one for a bus, or one refused with EventBridge's code and message
   * (such an entry fails alone, in the answer's {@code Entries}).
   */
  record PutEntry(
      String busName,
      String source,
      String detailType,
      JsonNode detail,
      JsonNode resources,
      Instant time,
      String errorCode,
      String errorMessage) {
    static PutEntry refused(String busName, String code, String message) {
      return new PutEntry(busName, null, null, null, null, null, code, message);
    }

    boolean isRefused() {
      return errorCode != null;
    }

    EventBus.Entry toBusEntry() {
      List<String> names = new ArrayList<>();
      resources.forEach(r -> names.add(r.asString()));
      return new EventBus.Entry(source, detailType, detail, names, time);
    }
  }

  /**
   * PutEvents' entries: 1 to 10, within the size quota together.
   *
   * @throws AwsError ValidationException otherwise
   */
  static List<PutEntry> putEntries(JsonNode input) {
    JsonNode entries = input.path("Entries");
    if (!entries.isArray() || entries.isEmpty() || entries.size() > 10) {
      throw new AwsError(
          "ValidationException",
          "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member"
              + " must have length less than or equal to 10 and greater than or equal to 1");
    }
    long size = 0;
    for (JsonNode entry : entries) {
      size += entrySize(entry);
    }
    if (size > MAX_ENTRIES_BYTES) {
      throw new AwsError(
          "ValidationException", "Total size of the entries in the request is over the limit.");
    }
    List<PutEntry> parsed = new ArrayList<>();
    for (JsonNode entry : entries) {
      parsed.add(putEntry(entry));
    }
    return parsed;
  }

  private static PutEntry putEntry(JsonNode entry) {
    String busName = text(entry, "EventBusName");
    String source = text(entry, "Source");
    String detailType = text(entry, "DetailType");
    if (source == null) {
      return PutEntry.refused(
          busName,
          "InvalidArgument",
          "Parameter Source is not valid. Reason: Source is a required argument.");
    }
    if (detailType == null) {
      return PutEntry.refused(
          busName,
          "InvalidArgument",
          "Parameter DetailType is not valid. Reason: DetailType is a required argument.");
    }
    JsonNode detail = detail(entry.path("Detail"));
    if (detail == null) {
      return PutEntry.refused(busName, "MalformedDetail", "Detail is malformed.");
    }
    Instant time;
    try {
      time = time(entry.get("Time"));
    } catch (AwsError e) {
      return PutEntry.refused(
          busName, "InvalidArgument", "Parameter Time is not valid. Reason: " + e.getMessage());
    }
    return new PutEntry(
        busName, source, detailType, detail, entry.path("Resources"), time, null, null);
  }

  /**
   * An entry's detail: a JSON object in a string, {@code {}} when there is none; null when it is
   * malformed (anything else would be archived as {@code {}}).
   */
  private static JsonNode detail(JsonNode text) {
    if (!text.isMissingNode() && !text.isNull() && !text.isString()) {
      return null;
    }
    try {
      JsonNode detail = JobJson.MAPPER.readTree(text.asString("{}"));
      return detail.isObject() ? detail : null;
    } catch (JacksonException e) {
      return null;
    }
  }

  /** StartReplay's required fields. */
  static void requireReplayFields(JsonNode input) {
    if (text(input, "ReplayName") == null
        || text(input, "EventSourceArn") == null
        || input.path("Destination").path("Arn").asString(null) == null
        || input.get("EventStartTime") == null
        || input.get("EventEndTime") == null) {
      throw new AwsError(
          "ValidationException",
          "ReplayName, EventSourceArn, EventStartTime, EventEndTime and Destination are required.");
    }
  }

  /** A replay's name, when one is given: 1 to 64 of {@code [.\-_A-Za-z0-9]}. */
  static String replayName(JsonNode input) {
    String name = text(input, "ReplayName");
    if (name != null && !REPLAY_NAME.matcher(name).matches()) {
      throw new AwsError(
          "ValidationException",
          "1 validation error detected: Value '"
              + name
              + "' at 'replayName' failed to satisfy constraint: Member must satisfy regular"
              + " expression pattern: [\\.\\-_A-Za-z0-9]+, Member must have length less than or"
              + " equal to 64");
    }
    return name;
  }

  /** A replay's window of event time, in epoch millis: {@code start <= time < end}. */
  record Window(long start, long end) {}

  /** StartReplay's window, its end after its start. */
  static Window replayWindow(JsonNode input) {
    long start = parameterTime(input, "EventStartTime").toEpochMilli();
    long end = parameterTime(input, "EventEndTime").toEpochMilli();
    if (end <= start) {
      throw new AwsError(
          "ValidationException",
          "Parameter EventEndTime is not valid. Reason: EventStartTime must be before EventEndTime.");
    }
    return new Window(start, end);
  }

  /** A string field, or null when it is missing or null. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  /** A request's timestamp parameter, or a ValidationException naming it. */
  private static Instant parameterTime(JsonNode input, String name) {
    try {
      return time(input.get(name));
    } catch (AwsError e) {
      throw new AwsError(
          "ValidationException", "Parameter " + name + " is not valid. Reason: " + e.getMessage());
    }
  }

  /**
   * JSON 1.1 timestamps: any epoch-seconds number, its fraction truncated to milliseconds as AWS
   * keeps it ({@code time.time() - 3600} sends microseconds), or an ISO-8601 string as the SDKs
   * also accept. Anything else, or a time no {@link Instant} holds, is the caller's error.
   */
  private static Instant time(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      if (value.isNumber()) {
        return Instant.ofEpochMilli(
            value.decimalValue().movePointRight(3).setScale(0, RoundingMode.DOWN).longValueExact());
      }
      if (value.isString()) {
        return Instant.parse(value.asString());
      }
    } catch (ArithmeticException | DateTimeException e) {
      // out of range, or not a timestamp: answered below
    }
    throw new AwsError("ValidationException", "'" + value + "' is not a valid timestamp.");
  }

  /** An entry's size as EventBridge counts it against the quota. */
  private static long entrySize(JsonNode entry) {
    long size = entry.hasNonNull("Time") ? 14 : 0;
    for (String field : new String[] {"Source", "DetailType", "Detail"}) {
      JsonNode value = entry.get(field);
      if (value != null && value.isString()) {
        size += value.asString().getBytes(StandardCharsets.UTF_8).length;
      }
    }
    for (JsonNode resource : entry.path("Resources")) {
      if (resource.isString()) {
        size += resource.asString().getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return size;
  }
}
