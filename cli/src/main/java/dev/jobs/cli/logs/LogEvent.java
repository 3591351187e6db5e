package dev.jobs.cli.logs;

import dev.jobs.cli.core.Json;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * One line of a job's log as CloudWatch Logs stores it: the function's JSON (see the job contract's
 * "The job's log"), with the fields the CLI shows read out of it.
 *
 * @param eventId CloudWatch Logs' id of the event, unique in its group: what {@code --follow} uses
 *     to print no line twice
 * @param time the line's own {@code timestamp}, else the event's
 * @param attempt the attempt that wrote it; null for the error handler's line
 * @param json the stored text, as {@code --output json} prints it
 */
public record LogEvent(
    String eventId,
    Instant time,
    String jobId,
    Integer attempt,
    String level,
    String message,
    String json) {

  /** The event, if its message is a JSON object; other lines belong to no job. */
  static Optional<LogEvent> parse(FilteredLogEvent event) {
    String text = event.message() == null ? "" : event.message().strip();
    JsonNode node;
    try {
      node = Json.parse(text);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      return Optional.empty();
    }
    return Optional.of(
        new LogEvent(
            event.eventId(),
            time(Json.text(node, "timestamp"), event.timestamp()),
            Json.text(node, "jobId"),
            attempt(Json.text(node, "attempt")),
            Json.text(node, "level"),
            Json.text(node, "message"),
            text));
  }

  /** The text line: time, attempt, level, message. */
  public void print(PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%s  %-10s %-5s %s%n",
        time,
        attempt == null ? "-" : "attempt " + attempt,
        level == null ? "" : level,
        message == null ? "" : message);
  }

  private static Instant time(String timestamp, Long stored) {
    if (timestamp != null) {
      try {
        return Instant.parse(timestamp);
      } catch (java.time.format.DateTimeParseException e) {
        // The stored time then.
      }
    }
    return Instant.ofEpochMilli(stored == null ? 0 : stored);
  }

  private static Integer attempt(String text) {
    try {
      return text == null ? null : Integer.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
