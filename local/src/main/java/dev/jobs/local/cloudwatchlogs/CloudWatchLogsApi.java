package dev.jobs.local.cloudwatchlogs;

import dev.jobs.backend.job.JobJson;
import dev.jobs.local.auth.Caller;
import dev.jobs.local.protocol.AwsError;
import dev.jobs.local.protocol.JsonProtocol;
import dev.jobs.local.store.LogStore;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CloudWatch Logs' wire (JSON 1.1, {@code Logs_20140328.}), the subset a reader of job logs calls:
 * {@code FilterLogEvents} and {@code DescribeLogGroups}. The operator's credentials may call them,
 * as the stack's operator policy allows; the invoke role's may not.
 */
public record CloudWatchLogsApi(LogGroups groups) {
  /** The service, as the JSON 1.1 protocol serves it. */
  public JsonProtocol.Service service() {
    return new JsonProtocol.Service(
        "logs",
        "Logs_20140328.",
        this::checkAccess,
        Map.of(
            "FilterLogEvents", this::filterLogEvents,
            "DescribeLogGroups", this::describeLogGroups));
  }

  private void checkAccess(Caller caller, String operation) {
    if (!caller.isOperator()) {
      throw new AwsError(
          "AccessDeniedException",
          AwsError.notAuthorized(
              caller.arn(),
              "logs:" + operation,
              "because no identity-based policy allows the logs:" + operation + " action"));
    }
  }

  private ObjectNode filterLogEvents(JsonNode input) {
    String name = text(input, "logGroupName");
    String identifier = text(input, "logGroupIdentifier");
    if ((name == null) == (identifier == null)) {
      throw invalid("Exactly one of logGroupName and logGroupIdentifier must be given.");
    }
    LogGroups.Group group = groups.named(name != null ? name : identifier);
    Set<String> streams = null;
    if (input.has("logStreamNames")) {
      streams = new LinkedHashSet<>();
      for (JsonNode stream : input.path("logStreamNames")) {
        streams.add(stream.asString());
      }
    }
    String streamPrefix = text(input, "logStreamNamePrefix");
    if (streams != null && streamPrefix != null) {
      throw invalid("logStreamNames and logStreamNamePrefix cannot both be given.");
    }
    int limit = input.path("limit").asInt(LogGroups.MAX_EVENTS);
    if (limit < 1 || limit > LogGroups.MAX_EVENTS) {
      throw invalid(
          "1 validation error detected: Value '"
              + limit
              + "' at 'limit' failed to satisfy constraint: Member must have value between 1 and"
              + " 10000");
    }
    LogGroups.Filtered page =
        groups.filter(
            group,
            streams,
            streamPrefix,
            input.path("startTime").asLong(0),
            input.has("endTime") ? input.path("endTime").asLong() : Long.MAX_VALUE,
            FilterPattern.parse(text(input, "filterPattern")),
            afterSeq(text(input, "nextToken")),
            limit);
    ObjectNode output = JobJson.MAPPER.createObjectNode();
    ArrayNode events = output.putArray("events");
    for (LogStore.Event event : page.events()) {
      ObjectNode json = events.addObject();
      json.put("logStreamName", event.stream());
      json.put("timestamp", event.timestamp());
      json.put("message", event.message());
      json.put("ingestionTime", event.ingestionTime());
      json.put("eventId", eventId(event));
    }
    output.putArray("searchedLogStreams");
    if (page.nextToken() != null) {
      output.put("nextToken", token(page.nextToken()));
    }
    return output;
  }

  private ObjectNode describeLogGroups(JsonNode input) {
    String prefix = text(input, "logGroupNamePrefix");
    String pattern = text(input, "logGroupNamePattern");
    if (prefix != null && pattern != null) {
      throw invalid("logGroupNamePrefix and logGroupNamePattern cannot both be given.");
    }
    ObjectNode output = JobJson.MAPPER.createObjectNode();
    ArrayNode list = output.putArray("logGroups");
    for (LogGroups.Group group : groups.groups()) {
      if ((prefix != null && !group.name().startsWith(prefix))
          || (pattern != null && !group.name().contains(pattern))) {
        continue;
      }
      ObjectNode json = list.addObject();
      json.put("logGroupName", group.name());
      json.put("creationTime", groups.created().toEpochMilli());
      json.put("retentionInDays", groups.retentionDays());
      json.put("metricFilterCount", 0);
      json.put("arn", group.arn() + ":*");
      json.put("storedBytes", groups.storedBytes(group));
      json.put("logGroupClass", "STANDARD");
      json.put("logGroupArn", group.arn());
    }
    return output;
  }

  /** An event's id: its place in the store, as a string of digits, as AWS's are. */
  private static String eventId(LogStore.Event event) {
    return String.format("%056d", event.seq());
  }

  private static String token(long seq) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("seq/" + seq).getBytes(StandardCharsets.UTF_8));
  }

  private static long afterSeq(String token) {
    if (token == null) {
      return 0;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith("seq/")) {
        return Long.parseLong(text.substring(4));
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw invalid("The specified nextToken is invalid.");
  }

  private static String text(JsonNode input, String field) {
    JsonNode value = input.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  private static AwsError invalid(String message) {
    return new AwsError("InvalidParameterException", message);
  }
}
