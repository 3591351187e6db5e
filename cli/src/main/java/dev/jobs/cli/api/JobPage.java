package dev.jobs.cli.api;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.core.Json;
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

    /** When the job entered its status: started for RUNNING, finished for the others. */
    public String statusTime() {
      return "RUNNING".equals(status()) ? text("startedAt") : text("finishedAt");
    }

    public boolean finished() {
      return "SUCCEEDED".equals(status()) || "FAILED".equals(status());
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
