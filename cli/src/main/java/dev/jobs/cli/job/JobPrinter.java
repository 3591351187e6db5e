package dev.jobs.cli.job;

import dev.jobs.cli.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Prints a job record: aligned fields for people, one JSON line for programs. */
final class JobPrinter {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private JobPrinter() {}

  static JsonNode parse(String body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw new dev.jobs.cli.JobsException(
            dev.jobs.cli.ExitCode.ERROR, "the jobs API answered with something not a JSON object");
      }
      return node;
    } catch (JacksonException e) {
      throw new dev.jobs.cli.JobsException(
          dev.jobs.cli.ExitCode.ERROR, "the jobs API answered with malformed JSON", e);
    }
  }

  static String status(JsonNode job) {
    JsonNode status = job.get("status");
    return status == null || !status.isString() ? "UNKNOWN" : status.asString();
  }

  static void print(PrintWriter out, JsonNode job, boolean json, boolean quiet) {
    if (json) {
      out.println(MAPPER.writeValueAsString(job));
    } else if (quiet) {
      out.println(status(job));
    } else {
      text(out, job);
    }
    out.flush();
  }

  private static void text(PrintWriter out, JsonNode job) {
    field(out, "id", job.get("id"));
    field(out, "status", job.get("status"));
    field(out, "type", job.get("type"));
    field(out, "parameters", job.get("parameters"));
    field(out, "attempts", job.get("attempts"));
    field(out, "started", job.get("startedAt"));
    JsonNode finished = job.get("finishedAt");
    if (finished != null && finished.isString()) {
      String took = took(job.get("startedAt"), finished);
      out.println(pad("finished") + finished.asString() + (took == null ? "" : " (" + took + ")"));
    }
    field(out, "result", job.get("result"));
    JsonNode error = job.get("error");
    if (error != null && error.isObject()) {
      StringBuilder line = new StringBuilder();
      if (error.hasNonNull("type")) {
        line.append(error.get("type").asString()).append(": ");
      }
      line.append(error.hasNonNull("message") ? error.get("message").asString() : "no message");
      if (error.hasNonNull("condition")) {
        line.append(" [").append(error.get("condition").asString()).append(']');
      }
      out.println(pad("error") + line);
    } else {
      field(out, "error", error);
    }
  }

  private static String took(JsonNode started, JsonNode finished) {
    try {
      if (started == null || !started.isString()) {
        return null;
      }
      return Durations.format(
          Duration.between(Instant.parse(started.asString()), Instant.parse(finished.asString())));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static void field(PrintWriter out, String name, JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return;
    }
    out.println(pad(name) + (value.isValueNode() ? value.asString() : value.toString()));
  }

  private static String pad(String name) {
    return String.format("%-11s", name);
  }
}
