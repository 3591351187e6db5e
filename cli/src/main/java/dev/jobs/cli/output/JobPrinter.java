package dev.jobs.cli.output;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.options.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** Prints a job record: aligned fields for people, the API's JSON for programs. */
public final class JobPrinter {
  private JobPrinter() {}

  /** A record as the API answered it: its JSON text and its fields; printed, the answer. */
  public record Job(String body, Map<String, JsonNode> fields) implements Answer {
    @Override
    public Object json() {
      return body;
    }

    @Override
    public void quiet(PrintWriter out) {
      out.println(status());
    }

    @Override
    public void text(PrintWriter out) {
      JobPrinter.text(out, this);
    }

    public String status() {
      String status = text("status");
      return status == null ? "UNKNOWN" : status;
    }

    public String text(String field) {
      JsonNode value = fields.get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      return value.isString() ? value.asString() : value.isNumber() ? value.asNumber() : null;
    }

    boolean finished() {
      return "SUCCEEDED".equals(status()) || "FAILED".equals(status());
    }
  }

  public static Job parse(String body) {
    JsonNode node;
    try {
      node = Json.parse(body);
    } catch (IllegalArgumentException e) {
      throw new JobsException(ExitCode.ERROR, "the jobs API answered with malformed JSON", e);
    }
    if (!node.isObject()) {
      throw new JobsException(
          ExitCode.ERROR, "the jobs API answered with JSON that is not an object");
    }
    return new Job(body.strip(), node.asObject());
  }

  private static void text(PrintWriter out, Job job) {
    field(out, "id", job.fields().get("id"));
    field(out, "status", job.fields().get("status"));
    field(out, "type", job.fields().get("type"));
    field(out, "parameters", job.fields().get("parameters"));
    field(out, "attempts", job.fields().get("attempts"));
    String started = job.text("startedAt");
    if (started != null) {
      out.println(pad("started") + Timestamps.toSecond(started));
    }
    String finished = job.text("finishedAt");
    if (finished != null) {
      String took = took(started, finished);
      out.println(
          pad("finished")
              + Timestamps.toSecond(finished)
              + (took == null ? "" : " (" + took + ")"));
    }
    field(out, "result", job.fields().get("result"));
    JsonNode error = job.fields().get("error");
    if (error != null && error.isObject()) {
      String type = Json.text(error, "type");
      String message = Json.text(error, "message");
      String condition = Json.text(error, "condition");
      out.println(
          pad("error")
              + (type == null ? "" : JobPage.simpleName(type) + ": ")
              + (message == null ? "no message" : message)
              + (condition == null ? "" : " [" + condition + "]"));
    } else {
      field(out, "error", error);
    }
  }

  private static String took(String started, String finished) {
    try {
      if (started == null) {
        return null;
      }
      return Durations.format(Duration.between(Instant.parse(started), Instant.parse(finished)));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static void field(PrintWriter out, String name, JsonNode value) {
    if (value == null || value.isNull()) {
      return;
    }
    String text =
        value.isString()
            ? value.asString()
            : value.isNumber() ? value.asNumber() : Json.write(value);
    out.println(pad(name) + text);
  }

  private static String pad(String name) {
    return String.format("%-11s", name);
  }
}
