package dev.jobs.cli.output;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.options.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Prints a job record: aligned fields for people, the API's JSON for programs. For people, a
 * RUNNING job also shows how long ago it last gave a sign of life, and whether it stalled, as seen
 * at the time it was read.
 */
public final class JobPrinter {
  private JobPrinter() {}

  /**
   * A record as the API answered it: its JSON text and its fields, and when it was read; printed,
   * the answer.
   */
  public record Job(String body, JobPage.Job record, Instant readAt) implements Answer {
    public String status() {
      return record.status();
    }

    public String text(String field) {
      return record.text(field);
    }

    public Map<String, JsonNode> fields() {
      return record.fields();
    }

    boolean finished() {
      return record.finished();
    }

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
  }

  /** The record of {@code body}, read at {@code readAt}. */
  public static Job parse(String body, Instant readAt) {
    return new Job(body.strip(), JobPage.Job.parse(body), readAt);
  }

  private static void text(PrintWriter out, Job job) {
    field(out, "id", job.fields().get("id"));
    JobPage.Job record = job.record();
    Optional<Duration> stalled = record.stalledFor(job.readAt());
    if (stalled.isPresent()) {
      out.println(
          pad("status")
              + job.status()
              + ", stalled: no sign of life for "
              + Durations.format(stalled.get())
              + ", longer than its "
              + job.text("timeoutSeconds")
              + "s timeout and a minute");
    } else {
      field(out, "status", job.fields().get("status"));
    }
    field(out, "type", job.fields().get("type"));
    field(out, "parameters", job.fields().get("parameters"));
    field(out, "attempts", job.fields().get("attempts"));
    // Looked at only when there: a plain get loads no class for what the record lacks.
    if (job.fields().containsKey("progress")) {
      record.progress().ifPresent(progress -> out.println(pad("progress") + progress.shown()));
    }
    boolean running = "RUNNING".equals(job.status());
    if (running) {
      record
          .instant("heartbeatAt")
          .ifPresent(
              beat ->
                  out.println(
                      pad("heartbeat")
                          + Durations.format(Duration.between(beat, job.readAt()))
                          + " ago"));
    }
    String cancel = job.text("cancelRequestedAt");
    if (cancel != null) {
      out.println(pad("cancel") + "requested " + Timestamps.toSecond(cancel) + cancelled(job));
    }
    String queued = job.text("queuedAt");
    if (queued != null) {
      out.println(pad("queued") + Timestamps.toSecond(queued));
    }
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

  /** What became of a requested cancel. */
  private static String cancelled(Job job) {
    return switch (job.status()) {
      case "RUNNING" -> ", pending: the job stops at its next check";
      case "CANCELLED" -> "";
      default -> ", but the job ran to its end";
    };
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
