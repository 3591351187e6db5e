package dev.jobs.cli.api;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.core.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * A page of {@code GET /jobs}: the records newest first, each as {@code GET /jobs/{id}} answers it,
 * and the token of the next page when there is one.
 */
public record JobPage(List<Job> jobs, Optional<String> next, String body) {
  /**
   * How long past its function's timeout a RUNNING job may stay silent before it counts as stalled:
   * the job contract's minute, which covers a last write in flight and the clocks' skew.
   */
  public static final Duration STALL_MARGIN = Duration.ofMinutes(1);

  /**
   * A job's progress as it last reported it ({@code JobContext.progress}).
   *
   * @param total 0 when the job does not know it
   * @param message null when it gave none
   * @param at when it was recorded; null when the record does not say
   */
  public record Progress(long done, long total, String message, Instant at) {
    static Optional<Progress> of(JsonNode node) {
      if (node == null || !node.isObject()) {
        return Optional.empty();
      }
      try {
        String done = Json.text(node, "done");
        String total = Json.text(node, "total");
        String at = Json.text(node, "at");
        return Optional.of(
            new Progress(
                done == null ? 0 : Long.parseLong(done),
                total == null ? 0 : Long.parseLong(total),
                Json.text(node, "message"),
                at == null ? null : Instant.parse(at)));
      } catch (NumberFormatException | DateTimeParseException e) {
        return Optional.empty();
      }
    }

    /** Whether the total is known (not 0), so a share and an estimate can be given. */
    public boolean bounded() {
      return total > 0;
    }

    /** The share done, 0 to 100, rounded down; only for a {@link #bounded()} progress. */
    public int percent() {
      return (int) Math.max(0, Math.min(100, done * 100 / total));
    }

    /** {@code 12/60 (20%)}, or {@code 12} when the total is unknown; then the message, if any. */
    public String shown() {
      String counts =
          bounded() ? done + "/" + total + " (" + percent() + "%)" : Long.toString(done);
      return message == null || message.isBlank() ? counts : counts + " " + message;
    }
  }

  /** One job record of the page. */
  public record Job(JsonNode node) {
    /** A record as {@code GET /jobs/{id}} answers it. */
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
      return new Job(node);
    }

    public Map<String, JsonNode> fields() {
      return node.asObject();
    }

    public String id() {
      return text("id");
    }

    public String status() {
      String status = text("status");
      return status == null ? "UNKNOWN" : status;
    }

    public String type() {
      return text("type");
    }

    /** How many attempts started; 0 when the record has none. */
    public int attempts() {
      String attempts = text("attempts");
      try {
        return attempts == null ? 0 : Integer.parseInt(attempts);
      } catch (NumberFormatException e) {
        return 0;
      }
    }

    /**
     * When the job entered its status: queued for QUEUED, started for RUNNING, finished for the
     * others.
     */
    public String statusTime() {
      return switch (status()) {
        case "QUEUED" -> text("queuedAt");
        case "RUNNING" -> text("startedAt");
        default -> text("finishedAt");
      };
    }

    /** Whether the job has ended: SUCCEEDED, FAILED or CANCELLED. */
    public boolean finished() {
      return "SUCCEEDED".equals(status())
          || "FAILED".equals(status())
          || "CANCELLED".equals(status());
    }

    /** The job's last reported progress, when it reported any. */
    public Optional<Progress> progress() {
      return Progress.of(fields().get("progress"));
    }

    /** The field's instant, empty when absent or not an ISO-8601 instant. */
    public Optional<Instant> instant(String field) {
      String text = text(field);
      if (text == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(Instant.parse(text));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }

    /**
     * How long a RUNNING job has been silent past what its attempt can last, when it has: its last
     * sign of life (the heartbeat, else the start) is older than the function's timeout plus {@link
     * #STALL_MARGIN}. Then the sandbox died with the attempt, and nothing will end the record.
     * Empty for a job that is not RUNNING, or whose record lacks the times to tell.
     */
    public Optional<Duration> stalledFor(Instant now) {
      if (!"RUNNING".equals(status())) {
        return Optional.empty();
      }
      Optional<Instant> alive = instant("heartbeatAt").or(() -> instant("startedAt"));
      String timeout = text("timeoutSeconds");
      if (alive.isEmpty() || timeout == null) {
        return Optional.empty();
      }
      long seconds;
      try {
        seconds = Long.parseLong(timeout);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      Duration silent = Duration.between(alive.get(), now);
      return silent.compareTo(Duration.ofSeconds(seconds).plus(STALL_MARGIN)) > 0
          ? Optional.of(silent)
          : Optional.empty();
    }

    /** Whether the job is RUNNING with an attempt that cannot be alive any more. */
    public boolean stalled(Instant now) {
      return stalledFor(now).isPresent();
    }

    /** The error's condition, such as {@code RetriesExhausted}; null without one. */
    public String condition() {
      JsonNode error = fields().get("error");
      return error == null || !error.isObject() ? null : Json.text(error, "condition");
    }

    /** The error's type and condition, such as {@code JobFailedException [RetriesExhausted]}. */
    public String error() {
      JsonNode error = fields().get("error");
      if (error == null || !error.isObject()) {
        return null;
      }
      String type = Json.text(error, "type");
      String condition = Json.text(error, "condition");
      String shown = type == null ? "" : simpleName(type);
      if (condition != null) {
        shown = shown.isEmpty() ? "[" + condition + "]" : shown + " [" + condition + "]";
      }
      return shown.isEmpty() ? null : shown;
    }

    public String text(String field) {
      JsonNode value = fields().get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      return value.isString() ? value.asString() : value.isNumber() ? value.asNumber() : null;
    }
  }

  /**
   * A Java class name without its package ({@code dev.jobs.kind.JobFailedException}), so a table
   * stays readable; other names ({@code Sandbox.Timedout}) as they are.
   */
  public static String simpleName(String type) {
    int dot = type.lastIndexOf('.');
    if (dot <= 0) {
      return type;
    }
    boolean javaPackage =
        type.substring(0, dot)
            .chars()
            .allMatch(
                c -> c == '.' || c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
    return javaPackage ? type.substring(dot + 1) : type;
  }

  static JobPage parse(String body) {
    JsonNode node;
    try {
      node = Json.parse(body);
    } catch (IllegalArgumentException e) {
      throw new JobsException(
          ExitCode.ERROR, "the jobs API answered GET /jobs with malformed JSON", e);
    }
    JsonNode jobs = node.isObject() ? node.asObject().get("jobs") : null;
    if (jobs == null || !jobs.isArray()) {
      throw new JobsException(
          ExitCode.ERROR, "the jobs API answered GET /jobs without a \"jobs\" array");
    }
    List<Job> page = new ArrayList<>();
    for (JsonNode job : jobs.asArray()) {
      if (!job.isObject()) {
        throw new JobsException(
            ExitCode.ERROR, "the jobs API answered GET /jobs with a job that is not an object");
      }
      page.add(new Job(job));
    }
    return new JobPage(
        List.copyOf(page), Optional.ofNullable(Json.text(node, "next")), body.strip());
  }
}
