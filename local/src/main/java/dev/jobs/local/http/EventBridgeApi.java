package dev.jobs.local.http;

import dev.jobs.backend.job.JobJson;
import dev.jobs.local.auth.AuthFailure;
import dev.jobs.local.auth.Caller;
import dev.jobs.local.auth.SignatureVerifier;
import dev.jobs.local.events.EventBus;
import dev.jobs.local.events.ReplayRunner;
import dev.jobs.local.store.ArchiveStore;
import dev.jobs.local.store.Replay;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** EventBridge (JSON 1.1): PutEvents, the archive, and replays. */
final class EventBridgeApi implements AwsService {
  private static final String TARGET_PREFIX = "AWSEvents.";

  /** PutEvents' quota for its entries together, counted as EventBridge documents. */
  private static final int MAX_ENTRIES_BYTES = 256 * 1024;

  private static final Pattern REPLAY_NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");

  private final SignatureVerifier verifier;
  private final EventBus bus;
  private final ArchiveStore archive;
  private final ReplayRunner replays;
  private final Instant created;
  private final String region;

  EventBridgeApi(
      SignatureVerifier verifier,
      EventBus bus,
      ArchiveStore archive,
      ReplayRunner replays,
      Instant created,
      String region) {
    this.verifier = verifier;
    this.bus = bus;
    this.archive = archive;
    this.replays = replays;
    this.created = created;
    this.region = region;
  }

  /** A client error in EventBridge's terms. */
  private static final class ApiError extends RuntimeException {
    final String code;

    ApiError(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }

  @Override
  public void handle(HttpCall call) throws IOException {
    String target = call.header("x-amz-target");
    String operation = target.substring(TARGET_PREFIX.length());
    Caller caller;
    try {
      caller = verifier.verify(call.request(), "events");
    } catch (AuthFailure failure) {
      error(
          call,
          failure.code().equals("MissingAuthenticationToken") ? 403 : 400,
          failure.code().equals("MissingAuthenticationToken")
              ? "MissingAuthenticationTokenException"
              : failure.code(),
          failure.getMessage());
      return;
    }
    try {
      JsonNode input =
          call.body().length == 0
              ? JobJson.MAPPER.createObjectNode()
              : JobJson.MAPPER.readTree(call.body());
      if (!caller.isOperator()) {
        throw new ApiError(
            "AccessDeniedException",
            "User: "
                + caller.arn()
                + " is not authorized to perform: events:"
                + operation
                + " on resource: "
                + bus.arn());
      }
      ObjectNode output =
          switch (operation) {
            case "PutEvents" -> putEvents(input);
            case "ListArchives" -> listArchives(input);
            case "DescribeArchive" -> describeArchive(input);
            case "StartReplay" -> startReplay(input);
            case "DescribeReplay" -> describeReplay(input);
            case "ListReplays" -> listReplays(input);
            case "CancelReplay" -> cancelReplay(input);
            default -> throw new ApiError("UnknownOperationException", null);
          };
      call.respond(200, "application/x-amz-json-1.1", JobJson.MAPPER.writeValueAsString(output));
    } catch (ApiError e) {
      error(call, 400, e.code, e.getMessage());
    } catch (JacksonException e) {
      error(
          call,
          400,
          "SerializationException",
          "Start of structure or map found where not expected.");
    }
  }

  private static void error(HttpCall call, int status, String code, String message)
      throws IOException {
    ObjectNode body = JobJson.MAPPER.createObjectNode().put("__type", code);
    if (message != null) {
      body.put("message", message);
    }
    call.respond(
        status,
        "application/x-amz-json-1.1",
        JobJson.MAPPER.writeValueAsString(body),
        Map.of("x-amzn-ErrorType", code));
  }

  private ObjectNode putEvents(JsonNode input) {
    JsonNode entries = input.path("Entries");
    if (!entries.isArray() || entries.isEmpty() || entries.size() > 10) {
      throw new ApiError(
          "ValidationException",
          "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member"
              + " must have length less than or equal to 10 and greater than or equal to 1");
    }
    long size = 0;
    for (JsonNode entry : entries) {
      size += entrySize(entry);
    }
    if (size > MAX_ENTRIES_BYTES) {
      throw new ApiError(
          "ValidationException", "Total size of the entries in the request is over the limit.");
    }
    ArrayNode results = JobJson.MAPPER.createArrayNode();
    List<EventBus.Entry> accepted = new ArrayList<>();
    List<ObjectNode> acceptedResults = new ArrayList<>();
    int failed = 0;
    for (JsonNode entry : entries) {
      ObjectNode result = results.addObject();
      String busName = text(entry, "EventBusName");
      String problem = null;
      JsonNode detail = null;
      Instant time = null;
      JsonNode detailText = entry.path("Detail");
      if (text(entry, "Source") == null) {
        problem =
            "InvalidArgument:Parameter Source is not valid. Reason: Source is a required argument.";
      } else if (text(entry, "DetailType") == null) {
        problem =
            "InvalidArgument:Parameter DetailType is not valid. Reason: DetailType is a required argument.";
      } else if (!detailText.isMissingNode() && !detailText.isNull() && !detailText.isString()) {
        // Detail is a JSON document in a string; anything else would be archived as {}.
        problem = "MalformedDetail:Detail is malformed.";
      } else {
        try {
          detail = JobJson.MAPPER.readTree(detailText.asString("{}"));
          if (!detail.isObject()) {
            problem = "MalformedDetail:Detail is malformed.";
          }
        } catch (JacksonException e) {
          problem = "MalformedDetail:Detail is malformed.";
        }
      }
      if (problem == null) {
        try {
          time = time(entry.get("Time"));
        } catch (ApiError e) {
          problem = "InvalidArgument:Parameter Time is not valid. Reason: " + e.getMessage();
        }
      }
      if (problem == null
          && busName != null
          && !busName.equals("default")
          && !bus.isNamed(busName)) {
        problem = "ResourceNotFoundException:Event bus " + busName + " does not exist.";
      }
      if (problem != null) {
        failed++;
        int colon = problem.indexOf(':');
        result.put("ErrorCode", problem.substring(0, colon));
        result.put("ErrorMessage", problem.substring(colon + 1));
        continue;
      }
      if (busName == null || busName.equals("default")) {
        // The default bus has no rules nor archive here: accepted, and gone.
        result.put("EventId", java.util.UUID.randomUUID().toString());
        continue;
      }
      List<String> resources = new ArrayList<>();
      entry.path("Resources").forEach(r -> resources.add(r.asString()));
      accepted.add(
          new EventBus.Entry(
              text(entry, "Source"), text(entry, "DetailType"), detail, resources, time));
      acceptedResults.add(result);
    }
    List<String> ids = accepted.isEmpty() ? List.of() : bus.put(accepted);
    for (int i = 0; i < ids.size(); i++) {
      acceptedResults.get(i).put("EventId", ids.get(i));
    }
    ObjectNode output = JobJson.MAPPER.createObjectNode();
    output.put("FailedEntryCount", failed);
    output.set("Entries", results);
    return output;
  }

  private ObjectNode archiveJson(boolean full) {
    long[] size = archive.size(bus.archiveName());
    ObjectNode json = JobJson.MAPPER.createObjectNode();
    if (full) {
      json.put("ArchiveArn", bus.archiveArn());
    }
    json.put("ArchiveName", bus.archiveName());
    json.put("EventSourceArn", bus.arn());
    if (full) {
      json.put("Description", bus.archiveDescription());
      json.put("EventPattern", bus.archivePattern());
    }
    json.put("State", "ENABLED");
    json.put("RetentionDays", 0);
    json.put("SizeBytes", size[1]);
    json.put("EventCount", size[0]);
    json.put("CreationTime", seconds(created.toEpochMilli()));
    return json;
  }

  private ObjectNode listArchives(JsonNode input) {
    String prefix = text(input, "NamePrefix");
    String source = text(input, "EventSourceArn");
    String state = text(input, "State");
    ArrayNode archives = JobJson.MAPPER.createArrayNode();
    if ((prefix == null || bus.archiveName().startsWith(prefix))
        && (source == null || source.equals(bus.arn()))
        && (state == null || state.equals("ENABLED"))) {
      archives.add(archiveJson(false));
    }
    ObjectNode output = JobJson.MAPPER.createObjectNode();
    output.set("Archives", archives);
    return output;
  }

  private ObjectNode describeArchive(JsonNode input) {
    String name = text(input, "ArchiveName");
    if (!bus.archiveName().equals(name)) {
      throw new ApiError("ResourceNotFoundException", "Archive " + name + " does not exist.");
    }
    return archiveJson(true);
  }

  private ObjectNode startReplay(JsonNode input) {
    String name = text(input, "ReplayName");
    String source = text(input, "EventSourceArn");
    String destination = input.path("Destination").path("Arn").asString(null);
    if (name == null
        || source == null
        || destination == null
        || input.get("EventStartTime") == null
        || input.get("EventEndTime") == null) {
      throw new ApiError(
          "ValidationException",
          "ReplayName, EventSourceArn, EventStartTime, EventEndTime and Destination are required.");
    }
    checkReplayName(name);
    if (!source.equals(bus.archiveArn())) {
      throw new ApiError(
          "ResourceNotFoundException", "Archive " + archiveName(source) + " does not exist.");
    }
    if (!destination.equals(bus.arn())) {
      throw new ApiError(
          "ValidationException",
          "Parameter Destination.Arn is not valid. Reason: Cross event bus replay is not permitted.");
    }
    for (JsonNode filter : input.path("Destination").path("FilterArns")) {
      if (!filter.asString().equals(replays.replayRuleArn())) {
        throw new ApiError(
            "ResourceNotFoundException", "Rule " + filter.asString() + " does not exist.");
      }
    }
    long start = parameterTime(input, "EventStartTime").toEpochMilli();
    long end = parameterTime(input, "EventEndTime").toEpochMilli();
    if (end <= start) {
      throw new ApiError(
          "ValidationException",
          "Parameter EventEndTime is not valid. Reason: EventStartTime must be before EventEndTime.");
    }
    Optional<Replay> replay =
        replays.start(name, text(input, "Description"), start, end, destination);
    if (replay.isEmpty()) {
      throw new ApiError("ResourceAlreadyExistsException", "Replay " + name + " already exists.");
    }
    ObjectNode output = JobJson.MAPPER.createObjectNode();
    output.put("ReplayArn", replayArn(name));
    output.put("State", replay.get().state());
    output.put("ReplayStartTime", seconds(replay.get().startTime()));
    return output;
  }

  private static void checkReplayName(String name) {
    if (!REPLAY_NAME.matcher(name).matches()) {
      throw new ApiError(
          "ValidationException",
          "1 validation error detected: Value '"
              + name
              + "' at 'replayName' failed to satisfy constraint: Member must satisfy regular"
              + " expression pattern: [\\.\\-_A-Za-z0-9]+, Member must have length less than or"
              + " equal to 64");
    }
  }

  private Replay existing(JsonNode input) {
    String name = text(input, "ReplayName");
    if (name != null) {
      checkReplayName(name);
    }
    return replays
        .find(name == null ? "" : name)
        .orElseThrow(
            () -> new ApiError("ResourceNotFoundException", "Replay " + name + " does not exist."));
  }

  private ObjectNode describeReplay(JsonNode input) {
    Replay replay = existing(input);
    ObjectNode output = replayJson(replay);
    output.put("ReplayArn", replayArn(replay.name()));
    if (replay.description() != null) {
      output.put("Description", replay.description());
    }
    ObjectNode destination = output.putObject("Destination");
    destination.put("Arn", replay.destinationArn());
    destination.putArray("FilterArns").add(replays.replayRuleArn());
    return output;
  }

  private ObjectNode listReplays(JsonNode input) {
    String prefix = text(input, "NamePrefix");
    String state = text(input, "State");
    String source = text(input, "EventSourceArn");
    ArrayNode list = JobJson.MAPPER.createArrayNode();
    for (Replay replay : replays.all()) {
      if ((prefix == null || replay.name().startsWith(prefix))
          && (state == null || replay.state().equals(state))
          && (source == null || replay.sourceArn().equals(source))) {
        list.add(replayJson(replay));
      }
    }
    ObjectNode output = JobJson.MAPPER.createObjectNode();
    output.set("Replays", list);
    return output;
  }

  private ObjectNode cancelReplay(JsonNode input) {
    Replay replay = existing(input);
    if (!replay.isActive() || replay.state().equals("CANCELLING")) {
      throw new ApiError(
          "IllegalStatusException",
          "Replay " + replay.name() + " is not in a valid state for this operation.");
    }
    Replay cancelling = replays.cancel(replay.name()).orElseThrow();
    ObjectNode output = JobJson.MAPPER.createObjectNode();
    output.put("ReplayArn", replayArn(replay.name()));
    output.put("State", cancelling.state());
    return output;
  }

  private ObjectNode replayJson(Replay replay) {
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

  private String replayArn(String name) {
    return "arn:aws:events:" + region + ":" + SignatureVerifier.ACCOUNT + ":replay/" + name;
  }

  private static String archiveName(String arn) {
    return arn.substring(arn.lastIndexOf('/') + 1);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  /** JSON 1.1 timestamps are epoch seconds, with a fraction. */
  private static BigDecimal seconds(long millis) {
    return BigDecimal.valueOf(millis, 3);
  }

  /** A request's timestamp parameter, or a ValidationException naming it. */
  private static Instant parameterTime(JsonNode input, String name) {
    try {
      return time(input.get(name));
    } catch (ApiError e) {
      throw new ApiError(
          "ValidationException", "Parameter " + name + " is not valid. Reason: " + e.getMessage());
    }
  }

  /**
   * JSON 1.1 timestamps: epoch seconds (with a fraction), or an ISO-8601 string as the SDKs also
   * accept. Anything else, or a time no {@link Instant} holds, is the caller's error.
   */
  private static Instant time(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      if (value.isNumber()) {
        return Instant.ofEpochMilli(value.decimalValue().movePointRight(3).longValueExact());
      }
      if (value.isString()) {
        return Instant.parse(value.asString());
      }
    } catch (ArithmeticException | DateTimeException e) {
      // out of range, or not a timestamp: answered below
    }
    throw new ApiError("ValidationException", "'" + value + "' is not a valid timestamp.");
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
